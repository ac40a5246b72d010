// mnl.cpp — sequential best-worst logit by Newton's method.
#include "core/maxdiff/mnl.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/maxdiff/linalg.h"

namespace loupe {
namespace {

// Log-likelihood of all answers at utilities u (one per item), with its gradient and Hessian
// with respect to u (all items; the caller drops the fixed one).
struct Derivatives {
    double log_likelihood = 0;
    std::vector<double> gradient;  // k
    std::vector<double> hessian;   // k x k
};

// The likelihood depends only on which items a task shows and which were picked, so tasks that
// agree on those are counted once with their number as weight: 20,000 respondents answering 23
// screens of a design with 10 versions give 460,000 tasks but at most 230 x 12 distinct ones.
struct WeightedTask {
    std::vector<int> shown;  // sorted
    int best = 0, worst = -1;
    double weight = 0;
};

struct TaskHash {
    std::size_t operator()(const std::vector<int>& key) const {
        std::size_t h = 0xcbf29ce484222325ull;
        for (int v : key) h = (h ^ std::size_t(v)) * 0x100000001b3ull;
        return h;
    }
};

std::vector<WeightedTask> distinct_tasks(const ChoiceData& data) {
    std::vector<WeightedTask> tasks;
    std::unordered_map<std::vector<int>, std::size_t, TaskHash> index;  // key: shown (sorted), best, worst
    std::vector<int> key;
    for (const Task& task : data.tasks) {
        key.assign(task.shown.begin(), task.shown.end());
        std::sort(key.begin(), key.end());
        key.push_back(task.best);
        key.push_back(task.worst);
        auto [at, added] = index.try_emplace(key, tasks.size());
        if (added) tasks.push_back({std::vector<int>(key.begin(), key.end() - 2), task.best, task.worst, 0});
        tasks[at->second].weight += 1;
    }
    return tasks;
}

// Adds one logit choice among `set` (item indices) with utilities sign·u, `weight` times. The
// gradient with respect to u is sign·(1[j = chosen] - p_j); the Hessian -(diag p - p pᵀ) since sign² = 1.
void add_choice(const std::vector<int>& set, int skip, int chosen, double sign, double weight,
                const std::vector<double>& u, Derivatives& d, std::vector<double>& p) {
    const int k = static_cast<int>(u.size());
    double top = -INFINITY;
    for (int j : set)
        if (j != skip) top = std::max(top, sign * u[j]);
    double sum = 0;
    for (int j : set)
        if (j != skip) sum += p[j] = std::exp(sign * u[j] - top);  // shifted: no overflow
    d.log_likelihood += weight * (sign * u[chosen] - top - std::log(sum));
    for (int j : set)
        if (j != skip) p[j] /= sum;
    d.gradient[chosen] += weight * sign;
    for (int i : set) {
        if (i == skip) continue;
        d.gradient[i] -= weight * sign * p[i];
        d.hessian[i * k + i] -= weight * p[i];
        for (int j : set)
            if (j != skip) d.hessian[i * k + j] += weight * p[i] * p[j];
    }
}

Derivatives evaluate(const std::vector<WeightedTask>& tasks, const std::vector<double>& u) {
    const int k = static_cast<int>(u.size());
    Derivatives d;
    d.gradient.assign(k, 0);
    d.hessian.assign(static_cast<std::size_t>(k) * k, 0);
    std::vector<double> p(k);
    for (const WeightedTask& task : tasks) {
        add_choice(task.shown, -1, task.best, +1, task.weight, u, d, p);
        if (task.worst >= 0) add_choice(task.shown, task.best, task.worst, -1, task.weight, u, d, p);
    }
    return d;
}

double null_log_likelihood(const ChoiceData& data) {
    double ll = 0;
    for (const Task& task : data.tasks) {
        const double m = static_cast<double>(task.shown.size());
        ll -= std::log(m);
        if (task.worst >= 0) ll -= std::log(m - 1);
    }
    return ll;
}

// Negated Hessian of the free parameters (all items but the last), ready for Cholesky.
std::vector<double> information(const Derivatives& d, int k) {
    const int p = k - 1;
    std::vector<double> info(static_cast<std::size_t>(p) * p);
    for (int i = 0; i < p; ++i)
        for (int j = 0; j < p; ++j) info[i * p + j] = -d.hessian[i * k + j];
    return info;
}

// Utilities are identified only if every item is shown and all items are linked through shared
// tasks (otherwise two groups of items could shift against each other freely).
std::string check_identified(const ChoiceData& data) {
    const int k = static_cast<int>(data.items.size());
    std::vector<int> group(k), shown(k, 0);
    for (int i = 0; i < k; ++i) group[i] = i;
    auto root = [&group](int i) {
        while (group[i] != i) i = group[i] = group[group[i]];
        return i;
    };
    for (const Task& task : data.tasks)
        for (int item : task.shown) {
            ++shown[item];
            group[root(item)] = root(task.shown[0]);
        }
    for (int i = 0; i < k; ++i) {
        if (shown[i] == 0) return "Item '" + data.items[i] + "' was never shown.";
        if (root(i) != root(0))
            return "Items '" + data.items[0] + "' and '" + data.items[i] +
                   "' never meet, directly or through other items, so they cannot be compared.";
    }
    return {};
}

}  // namespace

Result<MnlResult> fit_mnl(const ChoiceData& data, const MnlOptions& options) {
    if (std::string why = check_choices(data); !why.empty()) return failure<MnlResult>(why);
    const int k = static_cast<int>(data.items.size()), p = k - 1;
    if (std::string why = check_identified(data); !why.empty()) return failure<MnlResult>(why);

    MnlResult fit;
    const std::vector<WeightedTask> tasks = distinct_tasks(data);
    std::vector<double> u(k, 0), step(p), trial(k);
    Derivatives d = evaluate(tasks, u);
    while (fit.iterations < options.max_iterations && !fit.converged) {
        ++fit.iterations;
        std::vector<double> info = information(d, k);
        if (!cholesky(info.data(), p)) break;  // only at huge utilities: some item always wins or loses
        for (int i = 0; i < p; ++i) step[i] = d.gradient[i];
        solve_lower(info.data(), p, step.data());
        solve_lower_transposed(info.data(), p, step.data());
        // The log-likelihood is concave, so a Newton step only overshoots far from the optimum;
        // halving it until the likelihood does not drop keeps every iteration an improvement.
        for (double scale = 1; scale > 1e-10; scale /= 2) {
            for (int i = 0; i < p; ++i) trial[i] = u[i] + scale * step[i];
            Derivatives next = evaluate(tasks, trial);
            if (next.log_likelihood >= d.log_likelihood - 1e-12 * std::abs(d.log_likelihood)) {
                u = trial;
                d = std::move(next);
                break;
            }
        }
        const double largest = *std::max_element(step.begin(), step.end(),
                                                 [](double a, double b) { return std::abs(a) < std::abs(b); });
        fit.converged = std::abs(largest) < options.tolerance;
    }

    double mean = 0;
    for (double x : u) mean += x / k;
    fit.utilities.resize(k);
    for (int i = 0; i < k; ++i) fit.utilities[i] = u[i] - mean;
    fit.log_likelihood = d.log_likelihood;
    fit.null_log_likelihood = null_log_likelihood(data);
    fit.covariance.assign(static_cast<std::size_t>(k) * k, NAN);
    fit.standard_errors.assign(k, NAN);
    std::vector<double> info = information(d, k);
    if (!cholesky(info.data(), p)) return fit;
    // Covariance of the free parameters is the inverse information at the optimum; pad it with
    // the fixed item (variance 0) and centre: C = M·V·M with M = I - 11ᵀ/k.
    std::vector<double> v(static_cast<std::size_t>(p) * p), padded(static_cast<std::size_t>(k) * k, 0);
    inverse_from_cholesky(info.data(), p, v.data());
    for (int i = 0; i < p; ++i)
        for (int j = 0; j < p; ++j) padded[i * k + j] = v[i * p + j];
    std::vector<double> row_mean(k, 0);
    double grand_mean = 0;
    for (int i = 0; i < k; ++i) {
        for (int j = 0; j < k; ++j) row_mean[i] += padded[i * k + j] / k;
        grand_mean += row_mean[i] / k;
    }
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j)
            fit.covariance[i * k + j] = padded[i * k + j] - row_mean[i] - row_mean[j] + grand_mean;  // V symmetric
    // fabs: rounding can leave a vanishing variance slightly negative.
    for (int i = 0; i < k; ++i) fit.standard_errors[i] = std::sqrt(std::fabs(fit.covariance[i * k + i]));
    return fit;
}

Contrasts relative_to(const MnlResult& fit, int reference_item) {
    const int k = static_cast<int>(fit.utilities.size());
    Contrasts out;
    if (reference_item < 0 || reference_item >= k) return out;
    const int r = reference_item;
    for (int i = 0; i < k; ++i) {
        out.coefficients.push_back(fit.utilities[i] - fit.utilities[r]);
        const double var = fit.covariance[i * k + i] + fit.covariance[r * k + r] - 2 * fit.covariance[i * k + r];
        out.standard_errors.push_back(std::sqrt(std::fabs(var)));  // NaN stays NaN
    }
    return out;
}

}  // namespace loupe
