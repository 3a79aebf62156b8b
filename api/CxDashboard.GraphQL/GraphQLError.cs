using System.Text.Json.Serialization;
using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL;

/// <summary>
/// One entry of a response's <c>errors</c> list.
/// "Every error must contain an entry with the key message with a string description of the error
/// intended for the developer as a guide to understand and correct the error."
/// https://spec.graphql.org/October2021/#sec-Errors
/// </summary>
public sealed class GraphQLError
{
    public GraphQLError(string message, IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations is { Count: > 0 } ? locations : null;
        Path = path;
        Extensions = extensions;
    }

    public string Message { get; }

    /// <summary>Where in the document the error applies; omitted when unknown.</summary>
    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>Response path (field names and list indices) of a field error; omitted for request errors.</summary>
    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The exception a resolver threw, kept for logging; never serialized.</summary>
    [JsonIgnore]
    public Exception? Exception { get; init; }

    /// <summary>
    /// True for an error masked as "Unexpected error." (a resolver failed with something other than a
    /// <see cref="GraphQLException"/>); the executor logs its <see cref="Exception"/>.
    /// </summary>
    [JsonIgnore]
    public bool IsUnexpected { get; init; }

    public static GraphQLError At(string message, params Node?[] nodes) =>
        new(message, nodes.Where(n => n is not null).Select(n => n!.Location).ToArray());

    public override string ToString() =>
        Locations is null ? Message : $"{Message} ({string.Join(", ", Locations)})";
}

/// <summary>Thrown when a request cannot be processed at all (syntax error, invalid document, bad variables).</summary>
public class GraphQLException : Exception
{
    public GraphQLException(GraphQLError error) : this([error]) { }

    public GraphQLException(IReadOnlyList<GraphQLError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString()))) => Errors = errors;

    public IReadOnlyList<GraphQLError> Errors { get; }
}

/// <summary>A syntax error: "the parser … must produce an error that indicates the line and column".</summary>
public sealed class GraphQLSyntaxException(GraphQLError error) : GraphQLException(error)
{
    public GraphQLError Error => Errors[0];
}
