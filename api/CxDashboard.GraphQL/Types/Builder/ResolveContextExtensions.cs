using CxDashboard.GraphQL.Types;

namespace CxDashboard.GraphQL.Execution;

/// <summary>Helpers for resolvers written with the code-first builder.</summary>
public static class ResolveContextExtensions
{
    /// <summary>A service from the request's <see cref="IResolveContext.Services"/>; throws when it is not registered.</summary>
    public static T Service<T>(this IResolveContext context) where T : notnull =>
        context.Services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"No service of type {typeof(T).FullName} is registered for GraphQL requests.");

    /// <summary>The argument converted to <typeparamref name="T"/>, or <paramref name="fallback"/> when absent or null.</summary>
    public static T ArgumentOr<T>(this IResolveContext context, string name, T fallback) =>
        context.Arguments.TryGetValue(name, out var value) && value is not null ? ValueConverter.Convert<T>(value)! : fallback;

    /// <summary>
    /// The field's arguments as one <typeparamref name="TArgs"/> (constructor parameters by name, then settable
    /// properties), the record its <c>Arguments&lt;TArgs&gt;()</c> declared them from.
    /// </summary>
    public static TArgs ArgumentsAs<TArgs>(this IResolveContext context) =>
        (TArgs)InputObjectFactory.Create(typeof(TArgs), context.Arguments, null);

    /// <summary>True when the caller gave the argument (even as null), false when it was left out.</summary>
    public static bool HasArgument(this IResolveContext context, string name) => context.Arguments.ContainsKey(name);
}
