namespace CxDashboard.Api.Cli;

/// <summary>An option of a verb: a flag (<see cref="Value"/> null) or <c>--name VALUE</c>.</summary>
internal sealed record CliOption(string Name, string? Value = null, bool Required = false)
{
    public static CliOption Flag(string name) => new(name);

    public override string ToString()
    {
        var text = Value is null ? Name : $"{Name} {Value}";
        return Required ? text : $"[{text}]";
    }
}

/// <summary>
/// One form of a verb: the fixed words that select it (a sub-command such as <c>embed add-host</c>, or none), the
/// arguments it takes after them (<c>&lt;file&gt;</c>), and its options.
/// </summary>
internal sealed record CliForm(string[] Words, string[] Arguments, CliOption[] Options)
{
    public static CliForm Of(params CliOption[] options) => new([], [], options);

    public string Usage(string verb) =>
        string.Join(' ', new[] { verb }.Concat(Words).Concat(Arguments).Concat(Options.Select(o => o.ToString())));
}

/// <summary>
/// The one grammar check of every command-line verb: an unknown word or option, an option of another form, a missing
/// argument or value, or an option given twice is a <see cref="CliUsageException"/> (exit code 2) naming it and
/// saying what the verb accepts, before the verb does anything.
/// </summary>
internal sealed record CliSyntax(string Verb, CliForm[] Forms)
{
    public static CliSyntax Of(string verb, params CliForm[] forms) => new(verb, forms);

    public string Usage => string.Join(" | ", Forms.Select(f => f.Usage(Verb)));

    public CliArgs Parse(string[] args)
    {
        // Which options take a value is the same in every form of a verb, so words and options split before the form is known.
        var all = Forms.SelectMany(f => f.Options).DistinctBy(o => o.Name).ToDictionary(o => o.Name, StringComparer.Ordinal);
        var words = new List<string>();
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a.Length > 1 && a[0] == '-')
            {
                if (!all.TryGetValue(a, out var option)) throw Error($"unknown option {a}");
                if (given.ContainsKey(a)) throw Error($"{a} is given twice");
                if (option.Value is null) given[a] = null;
                else if (i + 1 >= args.Length) throw Error($"{a} needs a value ({option.Value})");
                else given[a] = args[++i];
            }
            else words.Add(a);
        }

        var form = Forms.Where(f => f.Words.Length <= words.Count && f.Words.SequenceEqual(words.Take(f.Words.Length), StringComparer.Ordinal))
            .MaxBy(f => f.Words.Length)
            ?? throw Error(words.Count == 0 ? "a command is missing" : $"unknown command '{words[0]}'");
        var arguments = words.Skip(form.Words.Length).ToList();
        var name = string.Join(' ', new[] { Verb }.Concat(form.Words));
        if (arguments.Count > form.Arguments.Length) throw Error($"unexpected word '{arguments[form.Arguments.Length]}'", name, form);
        if (arguments.Count < form.Arguments.Length) throw Error($"{form.Arguments[arguments.Count]} is missing", name, form);
        if (given.Keys.FirstOrDefault(g => form.Options.All(o => o.Name != g)) is { } foreign)
        {
            throw Error($"unknown option {foreign}", name, form);
        }
        if (form.Options.FirstOrDefault(o => o.Required && !given.ContainsKey(o.Name)) is { } required)
        {
            throw Error($"{required.Name} is required", name, form);
        }
        return new CliArgs(form.Words, arguments, given);
    }

    private CliUsageException Error(string what) => new($"{Verb}: {what}; {Verb} accepts: {Usage}");

    private static CliUsageException Error(string what, string name, CliForm form) =>
        new($"{name}: {what}; {name} accepts: {form.Usage(name.Split(' ')[0])}");
}

/// <summary>What <see cref="CliSyntax.Parse"/> found: the form's words, its arguments and the options given.</summary>
internal sealed class CliArgs(string[] words, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> given)
{
    /// <summary>The words that chose the form (<c>add-host</c> of <c>embed add-host</c>), empty for a verb of one form.</summary>
    public string Command => string.Join(' ', words);

    public IReadOnlyList<string> Arguments { get; } = arguments;

    public bool Has(string name) => given.ContainsKey(name);

    public string? Value(string name) => given.GetValueOrDefault(name);

    public long Long(string name, long fallback) => Value(name) is { } v
        ? long.TryParse(v.Replace("_", ""), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new CliUsageException($"{name}: '{v}' is not a non-negative whole number")
        : fallback;
}
