namespace CxDashboard.Core.Privacy;

/// <summary>
/// Arithmetic modulo the Mersenne prime 2^61 − 1, for <see cref="LinearAudit"/>: big enough that a relation matrix of
/// ±1 coefficients has the same rank here as over the rationals but for a vanishing chance (see the audit's proof
/// sketch), small enough that a product fits 128 bits and reduces with shifts.
/// </summary>
internal static class PrimeField
{
    public const ulong P = (1UL << 61) - 1;

    public static ulong Add(ulong a, ulong b)
    {
        var s = a + b;
        return s >= P ? s - P : s;
    }

    public static ulong Sub(ulong a, ulong b) => a >= b ? a - b : a + P - b;

    public static ulong Neg(ulong a) => a == 0 ? 0 : P - a;

    public static ulong Mul(ulong a, ulong b)
    {
        // a, b < 2^61: the product is hi·2^64 + lo, and 2^61 ≡ 1, so 2^64 ≡ 8.
        var hi = Math.BigMul(a, b, out var lo);
        var r = (lo & P) + (lo >> 61) + (hi << 3);
        r = (r & P) + (r >> 61);
        return r >= P ? r - P : r;
    }

    /// <summary>a^(P−2): the inverse of a non-zero a (Fermat).</summary>
    public static ulong Inverse(ulong a)
    {
        ulong result = 1;
        for (var e = P - 2; e > 0; e >>= 1, a = Mul(a, a))
        {
            if ((e & 1) == 1) result = Mul(result, a);
        }
        return result;
    }
}
