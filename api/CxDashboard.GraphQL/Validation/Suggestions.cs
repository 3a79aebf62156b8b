namespace CxDashboard.GraphQL.Validation;

/// <summary>
/// "Did you mean" candidates, chosen as graphql-js chooses them: options within a lexical distance of
/// 40% of the input's length (plus one), closest first, ties in natural order (numbers compared by value).
/// </summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> For(string input, IEnumerable<string> options)
    {
        var threshold = input.Length * 4 / 10 + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (!seen.Add(option)) continue;
            var d = Distance(input, inputLower, option, threshold);
            if (d is { } distance) found.Add((option, distance));
        }
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : NaturalCompare(a.Option, b.Option));
        return found.Select(f => f.Option).ToList();
    }

    /// <summary>
    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), case-insensitive
    /// except that a pure case change counts as one edit; null when above <paramref name="threshold"/>.
    /// </summary>
    private static int? Distance(string input, string inputLower, string option, int threshold)
    {
        if (input == option) return 0;
        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower) return 1;

        string a = optionLower, b = inputLower;
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a.Length - b.Length > threshold) return null;

        var rows = new int[3][];
        for (var r = 0; r < 3; r++) rows[r] = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) rows[0][j] = j;

        for (var i = 1; i <= a.Length; i++)
        {
            var up = rows[(i - 1) % 3];
            var current = rows[i % 3];
            var smallest = current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(up[j] + 1, current[j - 1] + 1), up[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    cell = Math.Min(cell, rows[(i - 2) % 3][j - 2] + 1);
                if (cell < smallest) smallest = cell;
                current[j] = cell;
            }
            if (smallest > threshold) return null;
        }
        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }

    /// <summary>String order where runs of digits compare by numeric value ("a2" before "a10").</summary>
    public static int NaturalCompare(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.IsAsciiDigit(a[i]) && char.IsAsciiDigit(b[j]))
            {
                long x = 0, y = 0;
                do { x = x * 10 + (a[i] - '0'); i++; } while (i < a.Length && char.IsAsciiDigit(a[i]) && x > 0);
                do { y = y * 10 + (b[j] - '0'); j++; } while (j < b.Length && char.IsAsciiDigit(b[j]) && y > 0);
                if (x != y) return x < y ? -1 : 1;
            }
            else
            {
                if (a[i] != b[j]) return a[i] < b[j] ? -1 : 1;
                i++; j++;
            }
        }
        return a.Length.CompareTo(b.Length);
    }
}
