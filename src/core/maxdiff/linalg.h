// linalg.h — the few dense linear-algebra steps the estimators need.
//
// Matrices are n x n, row-major, in plain double arrays (usually a std::vector's data()), so the
// hot loops of the samplers see contiguous memory and allocate nothing. n is at most a few
// hundred (items per survey), where these textbook loops are as fast as anything.
#pragma once
#include <cmath>

namespace loupe {

// In place: a (symmetric positive definite, lower triangle read) becomes its Cholesky factor L
// with a = L·Lᵀ; the strict upper triangle is zeroed. False when a is not positive definite.
inline bool cholesky(double* a, int n) {
    for (int j = 0; j < n; ++j) {
        double d = a[j * n + j];
        for (int k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
        if (!(d > 0)) return false;  // also catches NaN
        d = std::sqrt(d);
        a[j * n + j] = d;
        for (int i = j + 1; i < n; ++i) {
            double s = a[i * n + j];
            for (int k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
            a[i * n + j] = s / d;
        }
        for (int i = 0; i < j; ++i) a[i * n + j] = 0;
    }
    return true;
}

// Solves L·y = x in place (forward substitution), L lower triangular.
inline void solve_lower(const double* l, int n, double* x) {
    for (int i = 0; i < n; ++i) {
        double s = x[i];
        for (int k = 0; k < i; ++k) s -= l[i * n + k] * x[k];
        x[i] = s / l[i * n + i];
    }
}

// Solves Lᵀ·y = x in place (back substitution), L lower triangular.
inline void solve_lower_transposed(const double* l, int n, double* x) {
    for (int i = n - 1; i >= 0; --i) {
        double s = x[i];
        for (int k = i + 1; k < n; ++k) s -= l[k * n + i] * x[k];
        x[i] = s / l[i * n + i];
    }
}

// y = L·x for lower-triangular L.
inline void multiply_lower(const double* l, int n, const double* x, double* y) {
    for (int i = 0; i < n; ++i) {
        double s = 0;
        for (int k = 0; k <= i; ++k) s += l[i * n + k] * x[k];
        y[i] = s;
    }
}

// Inverse of lower-triangular L, written to `inverse` (n x n, lower triangular).
inline void invert_lower(const double* l, int n, double* inverse) {
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < j; ++i) inverse[i * n + j] = 0;
        for (int i = j; i < n; ++i) {
            double s = i == j ? 1 : 0;
            for (int k = j; k < i; ++k) s -= l[i * n + k] * inverse[k * n + j];
            inverse[i * n + j] = s / l[i * n + i];
        }
    }
}

// Inverse of the matrix whose Cholesky factor is l, written to `inverse` (n x n, full).
inline void inverse_from_cholesky(const double* l, int n, double* inverse) {
    for (int j = 0; j < n; ++j) {
        double* column = inverse + j * n;  // build column j in row j, symmetric anyway
        for (int i = 0; i < n; ++i) column[i] = i == j ? 1 : 0;
        solve_lower(l, n, column);
        solve_lower_transposed(l, n, column);
    }
}

}  // namespace loupe
