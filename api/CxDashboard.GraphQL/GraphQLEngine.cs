namespace CxDashboard.GraphQL;

/// <summary>Marker for the engine assembly.</summary>
public static class GraphQLEngine;
