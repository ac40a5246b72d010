# bayesm.R — time per iteration of R's bayesm::rhierMnlRwMixture (one component) on the answers
# bench_hb wrote:
#   Rscript bench/hb/bayesm.R choices.csv iterations runs
# Prints one line starting with the median CPU time per iteration in ms.
#
# Coding. bayesm's logit needs the same number of alternatives in every choice, so each MaxDiff
# task becomes two choices among all the items shown (p = 4 alternatives):
#   best:  the best item, among the shown items' dummy codes x;
#   worst: the worst item, among the same items with negated codes -x (the best one included).
# This is the usual way to feed MaxDiff to an MNL tool. Loupe's sequential model leaves the best
# item out of the worst choice, so estimates differ slightly; the work per iteration is the
# same: 1000 respondents x 30 choices of 4 alternatives, 19 parameters (dummy coding, the last
# item fixed at 0, as in Loupe).
#
# Timing. rhierMnlRwMixture first fits a pooled logit and runs one optimisation per respondent
# (for its proposals): 20-40 s here, and very variable. Loupe's start-up is left out too, so
# this runs it once to capture the arguments of its MCMC loop (bayesm's internal
# rhierMnlRwMixture_rcpp_loop, through trace()), then times that loop alone `runs` times and
# reports the median CPU time (user + system; see ../cpu_time.h). Draws are kept every 10th
# iteration, as Loupe keeps them by default.
suppressMessages(library(bayesm))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
iterations <- as.integer(args[2])
runs <- as.integer(args[3])

per_set <- 4
stopifnot(nrow(d) %% per_set == 0)
rows <- matrix(seq_len(nrow(d)), nrow = per_set)  # one column per task, rows in the CSV order
first <- rows[1, ]
stopifnot(all(d$respondent[rows] == rep(d$respondent[first], each = per_set)),
          all(d$task[rows] == rep(d$task[first], each = per_set)))

items <- unique(d$item)
k <- length(items)
dummy <- matrix(0, nrow(d), k)
dummy[cbind(seq_len(nrow(d)), match(d$item, items))] <- 1
dummy <- dummy[, -k, drop = FALSE]
value <- matrix(d$value, nrow = per_set)

# Per task: the best choice (rows x), then the worst choice (rows -x).
X <- dummy[as.vector(rbind(rows, rows)), , drop = FALSE] * rep(rep(c(1, -1), each = per_set), ncol(rows))
y <- as.vector(rbind(apply(value == 1, 2, which), apply(value == -1, 2, which)))
choice_respondent <- rep(d$respondent[first], each = 2)
lgtdata <- lapply(split(seq_along(y), choice_respondent), function(choices) {
  list(y = y[choices], X = X[as.vector(outer(seq_len(per_set), (choices - 1) * per_set, `+`)), , drop = FALSE])
})

cpu_seconds <- function(t) t[["user.self"]] + t[["sys.self"]]  # CPU time, as bench_hb measures
loop <- getFromNamespace("rhierMnlRwMixture_rcpp_loop", "bayesm")
invisible(suppressMessages(trace("rhierMnlRwMixture_rcpp_loop", where = asNamespace("bayesm"), print = FALSE,
                       tracer = bquote(assign("captured", mget(.(names(formals(loop)))), envir = globalenv())))))
start_up <- cpu_seconds(system.time(invisible(capture.output(rhierMnlRwMixture(
  Data = list(p = per_set, lgtdata = lgtdata),
  Prior = list(ncomp = 1),
  Mcmc = list(R = 10, keep = 10, nprint = 0))))))
suppressMessages(untrace("rhierMnlRwMixture_rcpp_loop", where = asNamespace("bayesm")))
captured$R <- iterations
per_iteration <- replicate(runs, cpu_seconds(system.time(do.call(loop, captured))) / iterations)
cat(sprintf("%.3f ms per iteration (median of %d runs of %d), start-up %.1f s, %d respondents, %d choices of %d, %d parameters, R %s, bayesm %s\n",
            1000 * median(per_iteration), runs, iterations, start_up, length(lgtdata), length(y), per_set, k - 1,
            getRversion(), packageVersion("bayesm")))
