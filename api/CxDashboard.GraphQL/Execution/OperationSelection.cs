using CxDashboard.GraphQL.Language;

namespace CxDashboard.GraphQL.Execution;

/// <summary>
/// GetOperation(document, operationName).
/// "If operationName is null: If document contains exactly one operation, return the Operation
/// contained in the document. Otherwise raise a request error requiring operationName."
/// https://spec.graphql.org/October2021/#GetOperation()
/// </summary>
internal static class OperationSelection
{
    public static (OperationDefinitionNode? Operation, GraphQLError? Error) GetOperation(DocumentNode document, string? operationName)
    {
        OperationDefinitionNode? found = null;
        var count = 0;
        foreach (var def in document.Definitions)
        {
            if (def is not OperationDefinitionNode op) continue;
            count++;
            if (string.IsNullOrEmpty(operationName))
                found ??= op;
            else if (op.Name?.Value == operationName)
                found = op;
        }

        if (string.IsNullOrEmpty(operationName))
        {
            if (count == 0) return (null, ExecutionErrors.NoOperation());
            if (count > 1) return (null, ExecutionErrors.OperationNameRequired());
            return (found, null);
        }
        return found is null ? (null, ExecutionErrors.UnknownOperation(operationName)) : (found, null);
    }
}
