# bayesm.R — time R's bayesm::rhierMnlRwMixture (one component) on the answers bench_hb wrote.
#   Rscript bench/hb/bayesm.R choices.csv [iterations]
# bayesm needs the same number of alternatives in every choice, so each task becomes a best
# choice among the shown items and a worst choice among the same items with negated codes
# (the best one included): the same work per choice as Loupe's sequential model.
# Its start-up (pooled MNL, one optimisation per respondent) is timed apart: per-iteration time
# is the difference between a long and a short run.
suppressMessages(library(bayesm))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
R <- if (length(args) > 1) as.integer(args[2]) else 2000

items <- unique(d$item)
k <- length(items)
code <- function(shown) {  # dummy coding, last item fixed at 0 as in Loupe
  x <- matrix(0, length(shown), k - 1)
  idx <- match(shown, items)
  for (r in seq_along(idx)) if (idx[r] < k) x[r, idx[r]] <- 1
  x
}
lgtdata <- lapply(split(d, d$respondent), function(answers) {
  y <- integer(0)
  X <- NULL
  for (t in split(answers, answers$task)) {
    x <- code(t$item)
    y <- c(y, which(t$value == 1), which(t$value == -1))
    X <- rbind(X, x, -x)
  }
  list(y = y, X = X)
})
per_set <- nrow(lgtdata[[1]]$X) / length(lgtdata[[1]]$y)

run <- function(iterations) {
  t0 <- proc.time()
  invisible(capture.output(rhierMnlRwMixture(
    Data = list(p = per_set, lgtdata = lgtdata),
    Prior = list(ncomp = 1),
    Mcmc = list(R = iterations, keep = 1, nprint = 0))))
  (proc.time() - t0)[["elapsed"]]
}
short <- run(max(10, R %/% 10))
long <- run(R)
cat(sprintf("bayesm: %d respondents, %d items, %d iterations in %.1f s: %.1f us per iteration\n",
            length(lgtdata), k, R, long, (long - short) / (R - max(10, R %/% 10)) * 1e6))
