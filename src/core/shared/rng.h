// rng.h — deterministic random numbers for estimation and simulation.
//
// std::normal_distribution and friends are implemented differently by libstdc++ (native build)
// and libc++ (wasm build), so the same seed would give different estimates on the desktop and in
// the browser. Everything here is spelled out instead: xoshiro256** seeded through splitmix64,
// and textbook algorithms for the distributions. Only std::log/std::exp/std::sqrt come from the
// platform; they may differ in the last bit between glibc and musl, nothing more.
#pragma once
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace loupe {

// splitmix64 (Steele, Lea & Flood): turns one seed into well-mixed 64-bit words.
inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// xoshiro256** (Blackman & Vigna): fast, small state, passes BigCrush.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) {
        for (auto& word : s_) word = splitmix64(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in the open interval (0, 1): 53 random bits, offset by half a step so log() is safe.
    double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

    // Uniform integer in [0, n) without modulo bias (rejection of the short last block).
    int below(int n) {
        const std::uint64_t range = static_cast<std::uint64_t>(n);
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
        std::uint64_t x = next();
        while (x >= limit) x = next();
        return static_cast<int>(x % range);
    }

    // Standard normal by the ziggurat method (Marsaglia & Tsang 2000, with Doornik's 2005 use of
    // the rectangles alone): one 64-bit draw gives the layer (low 7 bits) and a signed uniform
    // (the top 53); 99% of draws end at the first comparison, with no log, exp or sqrt. The
    // polar method it replaced spent a log and a square root on every pair: in HB's proposals
    // that was a tenth of the time.
    double normal();

    // Gamma(shape, 1) by Marsaglia & Tsang (2000); shapes below 1 via the u^(1/a) boost.
    double gamma(double shape) {
        if (shape < 1) return gamma(shape + 1) * std::pow(uniform(), 1 / shape);
        const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
        for (;;) {
            double x, v;
            do {
                x = normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const double u = uniform();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
        }
    }

    double chi_square(double df) { return 2 * gamma(df / 2); }

    template <class T>
    void shuffle(std::vector<T>& v) {
        for (int i = static_cast<int>(v.size()) - 1; i > 0; --i) std::swap(v[i], v[below(i + 1)]);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    double normal_tail(bool negative);
    std::uint64_t s_[4];
};

// The ziggurat's 128 layers of equal area under e^(-x²/2): x[0] is the bottom layer's width
// (area / f(r)), x[1] = r where the tail begins, x[128] = 0 at the top; ratio[i] = x[i+1]/x[i]
// is the part of layer i that lies wholly under the curve.
struct Ziggurat {
    static constexpr int kLayers = 128;
    static constexpr double kTailStart = 3.442619855899, kLayerArea = 9.91256303526217e-3;
    double x[kLayers + 1], ratio[kLayers];
    Ziggurat() {
        double f = std::exp(-0.5 * kTailStart * kTailStart);
        x[0] = kLayerArea / f;
        x[1] = kTailStart;
        x[kLayers] = 0;
        for (int i = 2; i < kLayers; ++i) {
            x[i] = std::sqrt(-2 * std::log(kLayerArea / x[i - 1] + f));
            f = std::exp(-0.5 * x[i] * x[i]);
        }
        for (int i = 0; i < kLayers; ++i) ratio[i] = x[i + 1] / x[i];
    }
};
inline const Ziggurat kZiggurat;

inline double Rng::normal() {
    const Ziggurat& z = kZiggurat;
    for (;;) {
        const std::uint64_t bits = next();
        const int layer = static_cast<int>(bits & (Ziggurat::kLayers - 1));
        const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-52 - 1;  // in (-1, 1)
        if (std::abs(u) < z.ratio[layer]) return u * z.x[layer];  // inside the layer's rectangle
        if (layer == 0) return normal_tail(u < 0);
        // In the wedge between the rectangle and the curve: accept under the curve.
        const double x = u * z.x[layer];
        const double f0 = std::exp(-0.5 * (z.x[layer] * z.x[layer] - x * x));
        const double f1 = std::exp(-0.5 * (z.x[layer + 1] * z.x[layer + 1] - x * x));
        if (f1 + uniform() * (f0 - f1) < 1) return x;
    }
}

// Beyond r, by Marsaglia's exponential rejection (1964).
inline double Rng::normal_tail(bool negative) {
    const double r = Ziggurat::kTailStart;
    double x, y;
    do {
        x = std::log(uniform()) / r;
        y = std::log(uniform());
    } while (-2 * y < x * x);
    return negative ? x - r : r - x;
}

// Bartlett decomposition: fills the p x p row-major lower-triangular `a` so that a·aᵀ ~
// Wishart(df, I). With S = L·Lᵀ, (L·a)(L·a)ᵀ ~ Wishart(df, S). Needs df > p - 1.
inline void draw_bartlett_factor(Rng& rng, int p, double df, double* a) {
    for (int i = 0; i < p; ++i) {
        for (int j = 0; j < i; ++j) a[i * p + j] = rng.normal();
        a[i * p + i] = std::sqrt(rng.chi_square(df - i));
        for (int j = i + 1; j < p; ++j) a[i * p + j] = 0;
    }
}

}  // namespace loupe
