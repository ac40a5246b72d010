// hb.cpp — the Gibbs + Metropolis sampler for hierarchical Bayes MaxDiff.
#include "core/maxdiff/hb.h"

#include <algorithm>
#include <cmath>

#include "core/maxdiff/linalg.h"
#include "core/maxdiff/mnl.h"

namespace loupe {
namespace {

// Sample quantile with linear interpolation between order statistics (R's default, type 7).
double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const double h = (static_cast<double>(v.size()) - 1) * q;
    const std::size_t lo = static_cast<std::size_t>(h);
    if (lo + 1 >= v.size()) return v.back();
    return v[lo] + (h - static_cast<double>(lo)) * (v[lo + 1] - v[lo]);
}

std::string check_options(const HbOptions& o, int items, int respondents) {
    if (o.burn_in < 0 || o.draws < 1 || o.thin < 1) return "Burn-in must be 0 or more, draws and thinning 1 or more.";
    if (o.burn_in + static_cast<long long>(o.draws) * o.thin > 10'000'000) return "Too many iterations (at most ten million).";
    if (static_cast<long long>(o.draws) * items > 4'000'000) return "Too many kept draws for this many items.";
    if (o.random_respondents < 0 || o.random_respondents > 100'000) return "The number of random respondents is out of range.";
    if ((static_cast<long long>(respondents) + o.random_respondents) * items > 10'000'000)
        return "Too many respondents times items to estimate in memory.";
    if (!(o.prior_variance > 0) || o.prior_extra_df < 1) return "The prior variance must be positive and its extra degrees of freedom at least 1.";
    if (!(o.target_acceptance > 0 && o.target_acceptance < 1)) return "The target acceptance rate must be between 0 and 1.";
    return {};
}

}  // namespace

// ---- setting up ------------------------------------------------------------------------------

Result<HbSampler> HbSampler::start(const ChoiceData& data, const HbOptions& options, const MnlResult* logit) {
    if (std::string why = check_choices(data); !why.empty()) return failure<HbSampler>(why);
    if (std::string why = check_options(options, static_cast<int>(data.items.size()), data.respondents); !why.empty())
        return failure<HbSampler>(why);

    HbSampler s;
    s.options_ = options;
    s.items_ = static_cast<int>(data.items.size());
    s.p_ = s.items_ - 1;
    s.real_ = data.respondents;
    s.chains_ = s.real_ + options.random_respondents;
    s.total_ = options.burn_in + options.draws * options.thin;
    s.rng_ = Rng(options.seed);
    const int k = s.items_;

    // Tasks may come in any order; gather each respondent's.
    std::vector<std::vector<int>> by_respondent(s.real_);
    for (int t = 0; t < static_cast<int>(data.tasks.size()); ++t) by_respondent[data.tasks[t].respondent].push_back(t);
    auto add_task = [&s](const std::vector<int>& shown, int best, int worst) {
        s.tasks_.push_back(FlatTask{static_cast<int>(s.shown_.size()), static_cast<int>(shown.size()), best, worst});
        s.shown_.push_back(best);
        for (int item : shown)
            if (item != best) s.shown_.push_back(item);
    };
    std::vector<int> size_count(k + 1, 0), answered;
    for (int r = 0; r < s.real_; ++r) {
        s.task_begin_.push_back(static_cast<int>(s.tasks_.size()));
        for (int t : by_respondent[r]) {
            const Task& task = data.tasks[t];
            add_task(task.shown, task.best, task.worst);
            ++size_count[task.shown.size()];
        }
        if (!by_respondent[r].empty()) answered.push_back(r);
    }
    // Random respondents see the sets of the real ones in turn and pick uniformly at random,
    // answering "worst" wherever the real respondent did.
    for (int g = 0; g < options.random_respondents; ++g) {
        s.task_begin_.push_back(static_cast<int>(s.tasks_.size()));
        for (int t : by_respondent[answered[g % answered.size()]]) {
            const Task& task = data.tasks[t];
            const int m = static_cast<int>(task.shown.size());
            const int best = s.rng_.below(m);
            int worst = -1;
            if (task.worst >= 0) worst = (best + 1 + s.rng_.below(m - 1)) % m;  // any position but best's
            add_task(task.shown, task.shown[best], worst >= 0 ? task.shown[worst] : -1);
        }
    }
    s.task_begin_.push_back(static_cast<int>(s.tasks_.size()));
    s.set_size_ = static_cast<int>(std::max_element(size_count.begin(), size_count.end()) - size_count.begin());
    for (int c = 0; c < s.chains_; ++c) {
        int n = 0;
        for (int t = s.task_begin_[c]; t < s.task_begin_[c + 1]; ++t) n += s.tasks_[t].worst >= 0 ? 2 : 1;
        s.choices_.push_back(n);
    }

    const int p = s.p_;
    s.exp_.resize(k);
    s.inv_exp_.resize(k);
    s.candidate_.resize(k);
    s.w_.resize(p);
    s.z_.resize(p);
    s.step_.resize(p);
    s.scatter_.resize(static_cast<std::size_t>(p) * p);
    s.bartlett_.resize(static_cast<std::size_t>(p) * p);
    s.bartlett_inv_.resize(static_cast<std::size_t>(p) * p);
    s.alpha_.assign(p, 0);
    s.root_.assign(static_cast<std::size_t>(p) * p, 0);
    for (int i = 0; i < p; ++i) s.root_[i * p + i] = 1;
    s.root_inverse_ = s.root_;
    s.beta_.assign(static_cast<std::size_t>(s.chains_) * k, 0);
    s.center_.assign(k, 0);
    Result<MnlResult> fit = logit ? Result<MnlResult>(*logit) : fit_mnl(data);
    if (fit && fit->converged)
        for (int j = 0; j < k; ++j) s.center_[j] = fit->utilities[j] - fit->utilities[k - 1];
    s.loglik_.assign(s.chains_, 0);  // each filled with its chain's starting point (start_chains)
    s.sum_utilities_.assign(static_cast<std::size_t>(s.chains_) * k, 0);
    s.sum_scores_.assign(static_cast<std::size_t>(s.real_) * k, 0);
    s.draw_scores_.assign(static_cast<std::size_t>(options.draws) * k, 0);
    return s;
}

// Each chain starts near its respondent's posterior mode under the prior N(center, I), center
// being the aggregate logit, rather than wandering out from zero through the first thousand
// iterations. A few Newton steps on log L(β) - |β - center|²/2 (strictly concave) with only the
// diagonal of the Hessian keep this O(answers) per respondent even for hundreds of items, and
// step halving keeps every step an improvement.
void HbSampler::start_at_mode(int chain, const std::vector<double>& center) {
    const int p = p_, k = items_;
    double* beta = &beta_[chain * k];
    std::copy(center.begin(), center.end(), beta);
    std::vector<double> gradient(k), curvature(k), trial(k);
    auto objective = [&](const double* u) {
        double prior = 0;
        for (int i = 0; i < p; ++i) prior += (u[i] - center[i]) * (u[i] - center[i]);
        return log_likelihood(chain, u, exp_.data(), inv_exp_.data()) - prior / 2;
    };
    // A logit choice of `chosen` among s[0..n) with weights e^(sign·u): gradient
    // sign·(1[chosen] - prob), curvature prob·(1 - prob).
    auto add_choice = [&](const int* s, int n, int chosen, const double* weight, double sign) {
        double sum = 0;
        for (int i = 0; i < n; ++i) sum += weight[s[i]];
        gradient[chosen] += sign;
        for (int i = 0; i < n; ++i) {
            const double prob = weight[s[i]] / sum;
            gradient[s[i]] -= sign * prob;
            curvature[s[i]] += prob * (1 - prob);
        }
    };
    double current = objective(beta);  // also fills exp_ and inv_exp_ at beta
    for (int iteration = 0; iteration < 10; ++iteration) {
        for (int i = 0; i < k; ++i) {
            gradient[i] = center[i] - beta[i];
            curvature[i] = 1;
        }
        for (int t = task_begin_[chain]; t < task_begin_[chain + 1]; ++t) {
            const FlatTask& task = tasks_[t];
            add_choice(&shown_[task.begin], task.size, task.best, exp_.data(), +1);
            if (task.worst >= 0) add_choice(&shown_[task.begin + 1], task.size - 1, task.worst, inv_exp_.data(), -1);
        }
        bool moved = false;
        for (double scale = 1; scale > 1e-3 && !moved; scale /= 2) {
            for (int i = 0; i < p; ++i) trial[i] = beta[i] + scale * gradient[i] / curvature[i];
            trial[p] = 0;
            if (const double value = objective(trial.data()); value > current) {
                current = value;
                std::copy(trial.begin(), trial.end(), beta);
                moved = true;
            }
        }
        if (!moved) return;  // else exp_ and inv_exp_ hold the values at the new beta, evaluated last
    }
}

// ---- one iteration ---------------------------------------------------------------------------

// The hot loop: exponentiate every utility once, then each task costs a few additions and a
// multiplication. The tasks' denominators are multiplied together and their product's log taken
// once (folded whenever it leaves 1e±100, far from overflow): a log per task was a sixth of the
// time natively and more in wasm.
double HbSampler::log_likelihood(int chain, const double* u, double* e, double* inv_e) const {
    for (int j = 0; j < items_; ++j) {
        e[j] = std::exp(u[j]);
        inv_e[j] = 1 / e[j];
    }
    double ll = 0, denominators = 1;
    for (int t = task_begin_[chain]; t < task_begin_[chain + 1]; ++t) {
        const FlatTask& task = tasks_[t];
        const int* s = &shown_[task.begin];
        if (denominators > 1e100 || denominators < 1e-100) {
            ll -= std::log(denominators);
            denominators = 1;
        }
        double best_sum = 0;
        for (int i = 0; i < task.size; ++i) best_sum += e[s[i]];
        ll += u[task.best];
        if (task.worst < 0) {
            denominators *= best_sum;
            continue;
        }
        double worst_sum = 0;
        for (int i = 1; i < task.size; ++i) worst_sum += inv_e[s[i]];  // s[0] is the best item
        ll -= u[task.worst];
        denominators *= best_sum * worst_sum;
    }
    return ll - std::log(denominators);
}

// Gibbs steps: α | β, D, then D | α, β (real respondents only).
void HbSampler::draw_population() {
    const int p = p_, k = items_, n = real_;
    std::fill(candidate_.begin(), candidate_.end(), 0);
    for (int r = 0; r < n; ++r)
        for (int i = 0; i < p; ++i) candidate_[i] += beta_[r * k + i];
    for (int i = 0; i < p; ++i) z_[i] = rng_.normal();
    multiply_lower(root_.data(), p, z_.data(), step_.data());
    for (int i = 0; i < p; ++i) alpha_[i] = candidate_[i] / n + step_[i] / std::sqrt(static_cast<double>(n));

    const double df = p + options_.prior_extra_df;
    std::fill(scatter_.begin(), scatter_.end(), 0);
    for (int i = 0; i < p; ++i) scatter_[i * p + i] = df * options_.prior_variance;
    for (int r = 0; r < n; ++r) {
        for (int i = 0; i < p; ++i) w_[i] = beta_[r * k + i] - alpha_[i];
        for (int i = 0; i < p; ++i)
            for (int j = 0; j <= i; ++j) scatter_[i * p + j] += w_[i] * w_[j];
    }
    if (!cholesky(scatter_.data(), p)) return;  // only with non-finite utilities; keep the old D
    // With S = C·Cᵀ and U·Uᵀ ~ Wishart(ν + n, I), D = C·(U·Uᵀ)⁻¹·Cᵀ ~ IW(ν + n, S). Taking U
    // upper triangular (a Bartlett factor A with rows and columns reversed: U = P·A·P) makes
    // C·U⁻ᵀ lower triangular, so it is already the Cholesky factor of D. With B = A⁻¹,
    // U⁻¹ = P·B·P, so root[i][j] = Σ_m C[i][m] · B[p-1-j][p-1-m] over j ≤ m ≤ i.
    draw_bartlett_factor(rng_, p, df + n, bartlett_.data());
    invert_lower(bartlett_.data(), p, bartlett_inv_.data());
    for (int i = 0; i < p; ++i)
        for (int j = 0; j < p; ++j) {
            double s = 0;
            for (int m = j; m <= i; ++m) s += scatter_[i * p + m] * bartlett_inv_[(p - 1 - j) * p + (p - 1 - m)];
            root_[i * p + j] = s;
        }
    invert_lower(root_.data(), p, root_inverse_.data());
}

// Random-walk Metropolis for one respondent: propose β + ρ·L·z, accept with the posterior ratio.
// With w = L⁻¹(β - α) the prior term of the proposal is just |w + ρ·z|², no second product.
// (L⁻¹ is formed once per iteration: a product is much faster than a triangular solve.)
bool HbSampler::update_respondent(int chain) {
    const int p = p_;
    double* beta = &beta_[chain * items_];
    for (int i = 0; i < p; ++i) step_[i] = beta[i] - alpha_[i];
    multiply_lower(root_inverse_.data(), p, step_.data(), w_.data());
    for (int i = 0; i < p; ++i) z_[i] = rng_.normal();
    multiply_lower(root_.data(), p, z_.data(), step_.data());
    double old_quad = 0, new_quad = 0;
    for (int i = 0; i < p; ++i) {
        const double moved = w_[i] + scale_ * z_[i];
        old_quad += w_[i] * w_[i];
        new_quad += moved * moved;
        candidate_[i] = beta[i] + scale_ * step_[i];
    }
    candidate_[p] = 0;
    const double ll = log_likelihood(chain, candidate_.data(), exp_.data(), inv_exp_.data());
    const double log_ratio = ll - loglik_[chain] - 0.5 * (new_quad - old_quad);
    if (!std::isfinite(ll)) return false;
    if (log_ratio < 0 && std::log(rng_.uniform()) >= log_ratio) return false;
    std::copy(candidate_.begin(), candidate_.end(), beta);
    loglik_[chain] = ll;
    return true;
}

void HbSampler::keep_draw() {
    const int k = items_;
    const double others = set_size_ - 1;
    double* population = &draw_scores_[static_cast<std::size_t>(kept_) * k];
    ++kept_;
    for (int c = 0; c < chains_; ++c) {
        const double* beta = &beta_[c * k];
        double mean = 0;
        for (int j = 0; j < k; ++j) mean += beta[j];
        mean /= k;
        for (int j = 0; j < k; ++j) sum_utilities_[c * k + j] += beta[j] - mean;
        if (c >= real_) continue;
        // e^u / (e^u + a - 1) written as 1 / (1 + (a - 1)·e^-u): no overflow for large u.
        double total = 0;
        for (int j = 0; j < k; ++j) total += candidate_[j] = 1 / (1 + others * std::exp(mean - beta[j]));
        for (int j = 0; j < k; ++j) {
            const double score = 100 * candidate_[j] / total;
            sum_scores_[c * k + j] += score;
            population[j] += score / real_;
        }
    }
}

// The Gibbs steps and the bookkeeping, once every chain had its Metropolis step.
void HbSampler::finish_iteration() {
    const bool burning_in = iteration_ < options_.burn_in;
    draw_population();
    last_acceptance_ = static_cast<double>(sweep_accepted_) / real_;
    if (burning_in) scale_ *= last_acceptance_ > options_.target_acceptance ? 1.1 : 0.9;
    else accepted_kept_ += sweep_accepted_;
    ++iteration_;
    next_chain_ = 0, sweep_accepted_ = 0;
    if (!burning_in && (iteration_ - options_.burn_in) % options_.thin == 0) keep_draw();
}

void HbSampler::start_chains(int chains) {
    const int end = std::min(chains_, started_chains_ + std::max(chains, 0));
    for (; started_chains_ < end; ++started_chains_) {
        const int c = started_chains_;
        start_at_mode(c, center_);
        loglik_[c] = log_likelihood(c, &beta_[c * items_], exp_.data(), inv_exp_.data());
    }
}

void HbSampler::step_respondents(int respondents) {
    if (done()) return;
    if (started_chains_ < chains_) {
        start_chains(respondents);
        return;
    }
    const int end = std::min(chains_, next_chain_ + std::max(respondents, 0));
    for (; next_chain_ < end; ++next_chain_)
        if (update_respondent(next_chain_) && next_chain_ < real_) ++sweep_accepted_;
    if (next_chain_ == chains_) finish_iteration();
}

void HbSampler::step(int iterations) {
    start_chains(chains_ - started_chains_);
    for (int i = 0; i < iterations && !done(); ++i) step_respondents(chains_ - next_chain_);
}

// ---- reporting -------------------------------------------------------------------------------

HbStatus HbSampler::status() const {
    HbStatus st;
    st.iteration = iteration_;
    st.total_iterations = total_;
    st.burning_in = iteration_ < options_.burn_in;
    st.acceptance = last_acceptance_;
    st.proposal_scale = scale_;
    int counted = 0;
    for (int r = 0; r < real_; ++r) {
        if (choices_[r] == 0) continue;
        st.mean_rlh += std::exp(loglik_[r] / choices_[r]);
        ++counted;
    }
    if (counted > 0) st.mean_rlh /= counted;
    return st;
}

Result<HbResult> HbSampler::result() const {
    if (!done()) return failure<HbResult>("The estimation has not finished.");
    const int k = items_;
    HbResult out;
    out.set_size = set_size_;
    out.acceptance = static_cast<double>(accepted_kept_) / (static_cast<double>(real_) * options_.draws * options_.thin);

    std::vector<double> mean(k), e(k), inv_e(k), random_rlh;
    for (int c = 0; c < chains_; ++c) {
        for (int j = 0; j < k; ++j) mean[j] = sum_utilities_[c * k + j] / kept_;
        const double rlh = choices_[c] > 0 ? std::exp(log_likelihood(c, mean.data(), e.data(), inv_e.data()) / choices_[c]) : 0;
        if (c >= real_) {
            random_rlh.push_back(rlh);
            continue;
        }
        out.utilities.push_back(mean);
        out.rlh.push_back(rlh);
        std::vector<double> scores(k);
        for (int j = 0; j < k; ++j) scores[j] = sum_scores_[c * k + j] / kept_;
        out.scores.push_back(std::move(scores));
    }
    if (!random_rlh.empty()) out.rlh_cutoff = quantile(std::move(random_rlh), 0.95);

    std::vector<double> per_draw(kept_);
    for (int j = 0; j < k; ++j) {
        double sum = 0;
        for (int d = 0; d < kept_; ++d) sum += per_draw[d] = draw_scores_[static_cast<std::size_t>(d) * k + j];
        out.population_scores.push_back(sum / kept_);
        out.scores_low.push_back(quantile(per_draw, 0.025));
        out.scores_high.push_back(quantile(per_draw, 0.975));
    }
    return out;
}

Result<HbResult> estimate_hb(const ChoiceData& data, const HbOptions& options) {
    Result<HbSampler> sampler = HbSampler::start(data, options);
    if (!sampler) return failure<HbResult>(sampler.error());
    while (!sampler->done()) sampler->step(100);
    return sampler->result();
}

}  // namespace loupe
