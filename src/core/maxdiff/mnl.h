// mnl.h — aggregate sequential best-worst multinomial logit.
//
// Each task is two choices. Best among the items shown:  P(b) = e^u_b / Σ_shown e^u_j.
// Then worst among the rest, with utilities negated:      P(w) = e^-u_w / Σ_{shown \ b} e^-u_j.
// Utilities are fitted by maximum likelihood (Newton's method, analytic gradient and Hessian,
// step halving). Only differences between utilities are identified, so the fit fixes the last
// item at 0 internally; the result is reported zero-centred (mean 0 over items), with the
// covariance matrix of those zero-centred utilities. Standard errors of any other coding, such
// as differences from a reference item (what R's clogit reports), follow from that covariance:
// see relative_to(). Fitting refuses data where some item is never shown or where items fall
// into groups that never meet in a task: their utilities could not be compared.
// Tasks that show the same items with the same answers are evaluated once, weighted by their
// number, so each Newton step costs as much for 20,000 respondents as for 200.
#pragma once
#include <vector>

#include "core/maxdiff/choices.h"
#include "core/shared/result.h"

namespace loupe {

struct MnlOptions {
    int max_iterations = 100;
    double tolerance = 1e-9;  // converged when no utility moves by more than this in a step
};

struct MnlResult {
    std::vector<double> utilities;        // zero-centred, one per item
    // Both NaN when the fit ran off to infinite utilities and the information matrix is singular.
    std::vector<double> standard_errors;  // of the zero-centred utilities
    std::vector<double> covariance;       // items x items, row-major, of the zero-centred utilities
    double log_likelihood = 0;
    double null_log_likelihood = 0;       // all utilities equal: every answer is a guess
    int iterations = 0;
    bool converged = false;               // false e.g. when an item is always chosen best (infinite utility)
};

// Utilities as differences from one item (which gets 0 and standard error 0).
struct Contrasts {
    std::vector<double> coefficients;
    std::vector<double> standard_errors;
};

Result<MnlResult> fit_mnl(const ChoiceData& data, const MnlOptions& options = {});
Contrasts relative_to(const MnlResult& fit, int reference_item);

}  // namespace loupe
