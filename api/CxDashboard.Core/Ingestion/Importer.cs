using Npgsql;

namespace CxDashboard.Core.Ingestion;

/// <summary>The one entry point of imports (CLI verb and HTTP endpoint both go through it).</summary>
public sealed class Importer(NpgsqlDataSource dataSource)
{
    public Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken ct = default) => request.Kind switch
    {
        ImportKind.OrgUnits => new OrgUnitImporter(dataSource).ImportAsync(request, ct),
        ImportKind.Responses => new FactImporter(dataSource, new ResponseSpec()).ImportAsync(request, ct),
        _ => new FactImporter(dataSource, new InteractionSpec()).ImportAsync(request, ct),
    };
}
