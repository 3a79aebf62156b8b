using System.Reflection;
using CxDashboard.Api.Security;
using CxDashboard.Core.Data;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace CxDashboard.Tests.Architecture;

/// <summary>
/// The rooms of the code and their doors, checked on the compiled assemblies (NetArchTest over Mono.Cecil).
/// <list type="bullet">
/// <item><b>Feature</b>: the first namespace segment under <c>CxDashboard.Core.</c> or <c>CxDashboard.Api.</c> — one folder,
/// with the same name on both sides (<c>Core/Values</c>, <c>Api/Values</c>).</item>
/// <item><b>A feature's internals</b>: its types that are not public (<c>internal</c>, <c>file</c>, non-public nested).
/// C# cannot hide them from the other folders of the same assembly, so this test does: another feature may use
/// only a feature's public types.</item>
/// <item><b>Read service</b>: a public Core class whose name ends in <c>Queries</c>, <c>Query</c>, <c>Store</c>,
/// <c>Reader</c> or <c>Service</c> — the classes that read what a caller may see — except the write side,
/// <c>KpiAdminService</c>, whose mutations check every id through the gate before they call it.</item>
/// <item><b>Reaching</b> a read service: calling one of its instance members, taking it as a constructor parameter or
/// field, or resolving it from the container (<c>ctx.Service&lt;T&gt;()</c>, <c>GetRequiredService&lt;T&gt;()</c>);
/// reading one of its constants is not.</item>
/// <item><b>The scope gate</b>: <c>Api/Security</c>, where the one scope decision is made (<see cref="ScopeGate"/>,
/// <see cref="CallerScope"/>), and any type that is handed that decision (a field, or a parameter of one of its
/// methods or constructors, of type <see cref="ScopeGate"/> or <see cref="CallerScope"/>): each feature's
/// <c>Visible*</c> reader (<c>Api/Values/VisibleValues</c>, …).</item>
/// </list>
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(CxDbContext).Assembly;
    private static readonly Assembly Api = typeof(CallerScope).Assembly;
    private static readonly Assembly Engine = typeof(CxDashboard.GraphQL.Types.Schema).Assembly;

    private const string SecurityNamespace = "CxDashboard.Api.Security";
    private static readonly string[] ReadServiceSuffixes = ["Queries", "Query", "Store", "Reader", "Service"];
    private static readonly string[] WriteServices = ["KpiAdminService"];

    [Fact]
    public void Core_references_neither_the_api_nor_the_graphql_engine()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny("CxDashboard.Api", "CxDashboard.GraphQL").GetResult();

        Assert.True(result.IsSuccessful, Describe("Core types that use the Api or the GraphQL engine", result));
    }

    [Fact]
    public void The_graphql_engine_knows_nothing_of_the_product()
    {
        var result = Types.InAssembly(Engine).ShouldNot().HaveDependencyOnAny("CxDashboard.Api", "CxDashboard.Core").GetResult();

        Assert.True(result.IsSuccessful, Describe("engine types that use CX code", result));
    }

    [Theory]
    [InlineData("CxDashboard.Core")]
    [InlineData("CxDashboard.Api")]
    public void A_feature_uses_only_the_public_types_of_another_feature(string root)
    {
        var assembly = root == "CxDashboard.Core" ? Core : Api;
        var internals = assembly.GetTypes()
            .Where(t => !t.IsNested && !t.IsPublic && FeatureOf(t, root) is not null && !IsCompilerGenerated(t))
            .GroupBy(t => FeatureOf(t, root)!)
            .ToDictionary(g => g.Key, g => g.Select(t => t.FullName!).ToArray());
        Assert.NotEmpty(internals); // the rule has something to guard

        var violations = new List<string>();
        foreach (var (feature, hidden) in internals)
        {
            var result = Types.InAssembly(assembly)
                .That().ResideInNamespace(root).And().DoNotResideInNamespace($"{root}.{feature}")
                .ShouldNot().HaveDependencyOnAny(hidden)
                .GetResult();
            foreach (var user in result.FailingTypes ?? [])
            {
                var used = hidden.Where(h => Types.InAssembly(assembly).That().HaveName(user.Name).And()
                    .ResideInNamespace(user.ReflectionType.Namespace!).And().HaveDependencyOnAny(h).GetTypes().Any());
                violations.Add($"{user.FullName} uses {feature}'s internal {string.Join(", ", used)}");
            }
        }

        Assert.True(violations.Count == 0, "a feature reaches into another feature's internals:\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public void Read_services_are_reached_only_through_the_scope_gate()
    {
        var readServices = ReadServices();
        Assert.Contains(readServices, s => s.EndsWith(".CellStore", StringComparison.Ordinal)); // the rule has something to guard

        var result = Types.InAssembly(Api)
            .That().MeetCustomRule(t => !t.IsNested && Reaches(t, readServices))
            .Should().MeetCustomRule(IsScopeGate)
            .GetResult();

        Assert.True(result.IsSuccessful, Describe("types that reach a read service without the scope gate", result,
            t => string.Join(", ", ReachedBy(t, readServices))));
    }

    /// <summary>
    /// The gate decides; it does not read the features' data (it used to, with ten dependencies every feature edited).
    /// Of the read services, Security reaches only what the decision itself needs: <c>PartnerQueries</c>, because a
    /// partner is visible through its visible engagements. Each feature's reader takes the decision next to its feature.
    /// </summary>
    [Fact]
    public void The_scope_gate_reads_no_feature_data()
    {
        var readServices = ReadServices();
        var security = Api.GetTypes().Where(t => t.Namespace == SecurityNamespace && !t.IsNested).ToArray();
        Assert.Contains(typeof(ScopeGate), security); // the rule has something to guard

        var reached = security.SelectMany(t => ReachedBy(Load(t), readServices).Select(r => $"{t.Name} -> {r}")).Distinct().Order().ToArray();
        var featureReads = reached.Where(r => !r.Contains("PartnerQueries", StringComparison.Ordinal)).ToArray();

        Assert.Contains(reached, r => r.StartsWith("ScopeGate -> PartnerQueries", StringComparison.Ordinal)); // what it may read, it does
        Assert.True(featureReads.Length == 0,
            "the scope gate reads feature data (move the read into the feature's Visible* reader):\n  " + string.Join("\n  ", featureReads));
    }

    /// <summary>
    /// <c>Api/GraphQL</c> is shared plumbing (limits, errors, loaders, the HTTP endpoint) that every feature uses, so it
    /// must not use a feature back; the one exception is the composition list (<c>GraphQLExtensions</c>: which features
    /// make the schema, and their readers).
    /// </summary>
    [Fact]
    public void The_graphql_plumbing_uses_no_feature_but_in_its_composition_list()
    {
        var features = Api.GetTypes().Select(t => FeatureOf(t, "CxDashboard.Api")).OfType<string>()
            .Where(f => f is not ("GraphQL" or "Hosting" or "Cli")).Distinct().Select(f => "CxDashboard.Api." + f).ToArray();
        Assert.Contains("CxDashboard.Api.Values", features); // the rule has something to guard

        var result = Types.InAssembly(Api)
            .That().ResideInNamespace("CxDashboard.Api.GraphQL")
            .And().MeetCustomRule(t => !t.FullName.StartsWith("CxDashboard.Api.GraphQL.GraphQLExtensions", StringComparison.Ordinal))
            .ShouldNot().HaveDependencyOnAny(features)
            .GetResult();

        Assert.True(result.IsSuccessful, Describe("GraphQL plumbing that uses a feature", result));
    }

    private static HashSet<string> ReadServices() => Core.GetTypes()
        .Where(t => t is { IsPublic: true, IsClass: true, IsAbstract: false } && !WriteServices.Contains(t.Name)
            && ReadServiceSuffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal)))
        .Select(t => t.FullName!)
        .ToHashSet(StringComparer.Ordinal);

    private static string? FeatureOf(Type t, string root) =>
        t.Namespace is { } ns && ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;

    private static bool IsCompilerGenerated(Type t) => t.Name.Contains('<', StringComparison.Ordinal) || t.Name.Contains('$', StringComparison.Ordinal);

    private static bool IsScopeGate(TypeDefinition type) =>
        type.Namespace == SecurityNamespace || WithNested(type).Any(t =>
            t.Fields.Any(f => IsDecision(f.FieldType)) || t.Methods.Any(m => m.Parameters.Any(p => IsDecision(p.ParameterType))));

    private static bool IsDecision(TypeReference type) => type.FullName == typeof(CallerScope).FullName || type.FullName == typeof(ScopeGate).FullName;

    private static bool Reaches(TypeDefinition type, HashSet<string> readServices) => ReachedBy(type, readServices).Any();

    /// <summary>The read services a type (with its nested and compiler-generated types) reaches, and how.</summary>
    private static IEnumerable<string> ReachedBy(TypeDefinition type, HashSet<string> readServices)
    {
        foreach (var t in WithNested(type))
        {
            foreach (var f in t.Fields.Where(f => readServices.Contains(f.FieldType.FullName)))
                yield return $"field {f.FieldType.Name}";
            foreach (var m in t.Methods)
            {
                foreach (var p in m.Parameters.Where(p => readServices.Contains(p.ParameterType.FullName)))
                    yield return $"parameter {p.ParameterType.Name}";
                if (!m.HasBody) continue;
                foreach (var i in m.Body.Instructions)
                {
                    if (i.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj or Code.Ldftn) || i.Operand is not MethodReference called) continue;
                    if (called.HasThis && readServices.Contains(called.DeclaringType.FullName))
                        yield return $"{called.DeclaringType.Name}.{called.Name}";
                    if (called is GenericInstanceMethod g && g.GenericArguments.FirstOrDefault(a => readServices.Contains(a.FullName)) is { } resolved)
                        yield return $"{called.Name}<{resolved.Name}>";
                }
            }
        }
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(WithNested)];

    private static string Describe(string what, TestResult result, Func<TypeDefinition, string>? detail = null) =>
        $"{what}:\n  " + string.Join("\n  ", (result.FailingTypes ?? []).Select(t =>
            t.FullName + (detail is null ? "" : " (" + detail(Load(t.ReflectionType)) + ")")));

    private static TypeDefinition Load(Type type) =>
        ModuleDefinition.ReadModule(type.Assembly.Location).GetType(type.FullName!.Replace('+', '/'));
}
