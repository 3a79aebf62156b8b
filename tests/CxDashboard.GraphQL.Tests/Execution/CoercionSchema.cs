using System.Collections;
using System.Globalization;
using CxDashboard.GraphQL.Types;
using static CxDashboard.GraphQL.Tests.Execution.ExecutorKit;

namespace CxDashboard.GraphQL.Tests.Execution;

/// <summary>
/// A schema whose <c>echo</c> field prints the coerced arguments it received (with CLR types visible:
/// <c>1</c> int, <c>1.5d</c> double, <c>Color.Red</c> enum, <c>Point(1, 2)</c> input object with Create),
/// so coercion tests read the exact values a resolver gets. Absent arguments are not printed.
/// </summary>
internal static class CoercionSchema
{
    public sealed record Point(double X, double Y);

    public static readonly Schema Schema = Build();

    private static Schema Build()
    {
        var color = new EnumType("Color");
        color.AddValue(new EnumValueDefinition("RED", ConsoleColor.Red));
        color.AddValue(new EnumValueDefinition("DARK_BLUE", ConsoleColor.DarkBlue));

        var input = new InputObjectType("In");
        input.AddField(new InputValueDefinition("a", NonNull(BuiltInScalars.Int)));
        input.AddField(Arg("b", BuiltInScalars.String, "\"dflt\""));
        input.AddField(new InputValueDefinition("c", ListOf(BuiltInScalars.Int)));
        input.AddField(new InputValueDefinition("color", color));

        var point = new InputObjectType("Point") { Create = m => new Point((double)m["x"]!, (double)m["y"]!) };
        point.AddField(new InputValueDefinition("x", NonNull(BuiltInScalars.Float)));
        point.AddField(Arg("y", NonNull(BuiltInScalars.Float), "0"));

        var echo = Field("echo", BuiltInScalars.String, ctx => ShowArguments(ctx.Arguments)).WithArgs(
            new InputValueDefinition("int", BuiltInScalars.Int),
            new InputValueDefinition("float", BuiltInScalars.Float),
            new InputValueDefinition("str", BuiltInScalars.String),
            new InputValueDefinition("id", BuiltInScalars.ID),
            new InputValueDefinition("ints", ListOf(BuiltInScalars.Int)),
            new InputValueDefinition("nnInts", ListOf(NonNull(BuiltInScalars.Int))),
            new InputValueDefinition("color", color),
            new InputValueDefinition("input", input),
            new InputValueDefinition("inputs", ListOf(NonNull(input))),
            new InputValueDefinition("point", point),
            new InputValueDefinition("matrix", ListOf(ListOf(BuiltInScalars.Int))));
        var defaults = Field("defaults", BuiltInScalars.String, ctx => ShowArguments(ctx.Arguments)).WithArgs(
            Arg("withDefault", BuiltInScalars.Int, "42"),
            Arg("colorDefault", color, "DARK_BLUE"),
            Arg("inputDefault", input, "{a: 7}"),
            Arg("listDefault", ListOf(BuiltInScalars.Int), "9"));
        var required = Field("required", BuiltInScalars.String, ctx => ShowArguments(ctx.Arguments))
            .WithArgs(new InputValueDefinition("nnInt", NonNull(BuiltInScalars.Int)));
        return new Schema(ExecutorKit.Object("Query", echo, defaults, required));
    }

    private static string ShowArguments(IReadOnlyDictionary<string, object?> args) =>
        string.Join(", ", args.Select(kv => kv.Key + ": " + Show(kv.Value)));

    public static string Show(object? v) => v switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture) + "d",
        Enum e => e.GetType().Name.Replace("ConsoleColor", "Color") + "." + e,
        Point p => $"Point({Show(p.X)}, {Show(p.Y)})",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(kv => kv.Key + ": " + Show(kv.Value))) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]",
        _ => v.GetType().Name + ":" + v,
    };
}
