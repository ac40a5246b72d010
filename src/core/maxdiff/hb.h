// hb.h — hierarchical Bayes estimation of individual MaxDiff utilities.
//
// The model is the one of the field's reference tools (Sawtooth's CBC/HB, bayesm's
// rhierMnlRwMixture with one component):
//   answers of respondent n   ~ sequential best-worst logit (see mnl.h) with utilities β_n
//   β_n                        ~ N(α, D)   (p = items - 1 free values; the last item is fixed at 0)
//   α                          flat prior (the limit of a diffuse normal)
//   D                          ~ inverse Wishart(ν = p + prior_extra_df, S = ν · prior_variance · I),
//                                the ν·I form of bayesm's default
// Each iteration makes one random-walk Metropolis step per respondent with proposal N(β_n, ρ²·D),
// then the Gibbs steps α | β, D ~ N(mean β, D/N) and D | α, β ~ IW(ν + N, S + Σ (β_n-α)(β_n-α)ᵀ).
// ρ starts at 0.1 and, during burn-in only, grows 10% after an iteration that accepted more than
// the target share of proposals and shrinks 10% otherwise (Sawtooth's rule); it is frozen
// afterwards so the kept draws come from a proper Markov chain. Each β_n starts near its
// respondent's posterior mode under N(aggregate logit, I), which shortens the burn-in needed.
//
// Outputs, all from the kept draws:
//  - utilities: per respondent, the posterior mean of the zero-centred utilities;
//  - probability scores: per respondent and draw, P_i = e^u_i / (e^u_i + a - 1) with a the usual
//    number of items per set, rescaled to sum to 100, then averaged over draws; the population
//    score of an item is the average over respondents, with a 95% interval from its spread over
//    draws (uncertainty about these respondents' average, not sampling error of a wider public);
//  - RLH (root likelihood) per respondent: the geometric mean of the probabilities of each of
//    their best and worst answers, at their mean utilities, as Sawtooth reports it;
//  - an RLH cut-off for random answering: `random_respondents` simulated respondents who answer
//    the same sets as the real ones but pick best and worst uniformly at random are sampled
//    alongside, each with the same Metropolis step under the current α and D, but without
//    influencing α and D. So each is estimated exactly as one more respondent of this study
//    would be (minus its negligible pull on the population). The cut-off is the 95th percentile
//    of their RLH: a real respondent below it fits worse than 1 in 20 random answerers do.
//
// The sampler is a resumable state object, so a UI can run it in slices, show progress and
// cancel by simply no longer calling step():
//   auto sampler = HbSampler::start(data, options);        // Result<HbSampler>
//   while (!sampler->done()) { sampler->step(50); show(sampler->progress()); }
//   Result<HbResult> result = sampler->result();
// An iteration of 20,000 respondents takes tens of milliseconds, longer than a frame may:
// step_respondents does part of one, a number of respondents' Metropolis steps at a time. The
// chains' starting points (a few Newton steps per respondent: for 20,000, 0.15 s natively and
// 0.3 s in wasm) are found the same way, by the first calls, before the first iteration.
// Everything is deterministic for a given seed, however the work is sliced.
#pragma once
#include <cstdint>
#include <vector>

#include "core/maxdiff/choices.h"
#include "core/shared/result.h"
#include "core/shared/rng.h"

namespace loupe {

struct MnlResult;

struct HbOptions {
    int burn_in = 10000;            // iterations before any draw is kept; ρ adapts only here
    int draws = 1000;               // draws kept
    int thin = 10;                  // iterations per kept draw
    std::uint64_t seed = 1;
    int random_respondents = 200;   // for the RLH cut-off; 0 = no cut-off
    double prior_variance = 1;
    int prior_extra_df = 5;
    double target_acceptance = 0.3;
};

struct HbStatus {
    int iteration = 0;
    int total_iterations = 0;
    bool burning_in = true;
    double acceptance = 0;      // share of real respondents' proposals accepted in the last iteration
    double proposal_scale = 0;  // ρ
    double mean_rlh = 0;        // real respondents' RLH at their current draws, averaged
};

struct HbResult {
    std::vector<std::vector<double>> utilities;  // [respondent][item], zero-centred posterior means
    std::vector<std::vector<double>> scores;     // [respondent][item], probability scores, sum 100
    std::vector<double> rlh;                     // [respondent]; 0 for a respondent without answers
    double rlh_cutoff = 0;                       // 0 when no random respondents were simulated
    std::vector<double> population_scores;       // [item], mean of the individual scores, sum 100
    std::vector<double> scores_low, scores_high;  // [item], 2.5% and 97.5% points over draws
    int set_size = 0;                            // the `a` of the probability scores
    double acceptance = 0;                       // over the kept iterations
};

class HbSampler {
public:
    // `logit`: the aggregate logit of `data`, where the chains start, when the caller has it
    // already (the results screen does); else it is fitted here (about a tenth of a second in
    // wasm for 20,000 respondents). Either way the same estimates.
    static Result<HbSampler> start(const ChoiceData& data, const HbOptions& options = {},
                                   const MnlResult* logit = nullptr);

    void step(int iterations);  // runs up to this many more iterations; nothing once done()
    // Runs the Metropolis steps of up to `respondents` more respondents (real or random) of the
    // current iteration, and the rest of the iteration once all of them had theirs; until every
    // chain has its starting point, finds those of up to `respondents` chains instead.
    void step_respondents(int respondents);
    bool done() const { return iteration_ == total_; }
    double progress() const { return total_ > 0 ? static_cast<double>(iteration_) / total_ : 1; }
    HbStatus status() const;
    Result<HbResult> result() const;  // a failure until done()

private:
    // One task of one respondent (real or random), its items at shown_[begin .. begin + size)
    // with the best one first, so the worst choice is among the rest.
    struct FlatTask {
        int begin, size, best, worst;
    };

    HbSampler() = default;
    double log_likelihood(int chain, const double* u, double* e, double* inv_e) const;  // e, inv_e: k scratch
    void start_at_mode(int chain, const std::vector<double>& center);
    void start_chains(int chains);  // the next ones' starting points, from center_
    void draw_population();
    bool update_respondent(int chain);
    void keep_draw();
    void finish_iteration();

    HbOptions options_;
    int items_ = 0, p_ = 0;    // k items, p = k - 1 free utilities
    int real_ = 0, chains_ = 0;  // real respondents come first, then the random ones
    int set_size_ = 0;
    int iteration_ = 0, total_ = 0, kept_ = 0;
    Rng rng_;

    // The answers, flattened: tasks of chain c are tasks_[task_begin_[c] .. task_begin_[c + 1]).
    std::vector<int> shown_;
    std::vector<FlatTask> tasks_;
    std::vector<int> task_begin_;
    std::vector<int> choices_;  // per chain: best answers plus worst answers, for RLH

    // Sampler state. beta_ holds k values per chain, the last always 0.
    std::vector<double> beta_, loglik_, alpha_;
    std::vector<double> root_, root_inverse_;  // L, the lower Cholesky factor of D, and L⁻¹
    double scale_ = 0.1;
    long long accepted_kept_ = 0;
    double last_acceptance_ = 0;
    int next_chain_ = 0;      // the chains before it had their Metropolis step this iteration
    int started_chains_ = 0;  // the chains before it have their starting point
    std::vector<double> center_;  // where the chains start from: the aggregate logit
    int sweep_accepted_ = 0;  // real respondents' proposals accepted so far this iteration

    // Scratch space, allocated once.
    std::vector<double> exp_, inv_exp_, candidate_, w_, z_, step_, scatter_, bartlett_, bartlett_inv_;

    // Sums over kept draws.
    std::vector<double> sum_utilities_;  // chains x k
    std::vector<double> sum_scores_;     // real x k
    std::vector<double> draw_scores_;    // draws x k: the population scores of each kept draw
};

// Runs a sampler to the end in one go (for the CLI and tests).
Result<HbResult> estimate_hb(const ChoiceData& data, const HbOptions& options = {});

}  // namespace loupe
