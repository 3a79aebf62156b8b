namespace CxDashboard.Core.Ingestion;

/// <summary>A field of an import kind, addressed by its index so records are not searched by name per row.</summary>
public readonly record struct Field(string Name, int Index);

/// <summary>The fields one import kind knows, in declaration order, and which of them are required.</summary>
public sealed class FieldSet
{
    private readonly List<string> names = [];
    private readonly List<string> required = [];
    private readonly HashSet<string> known = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Names => names;

    public IReadOnlyList<string> Required => required;

    public IReadOnlySet<string> Known => known;

    public Field Add(string name, bool required = false)
    {
        names.Add(name);
        known.Add(name);
        if (required) this.required.Add(name);
        return new Field(name, names.Count - 1);
    }
}
