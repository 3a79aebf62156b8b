using Npgsql;

namespace CxDashboard.Core.Ingestion;

/// <summary>The one entry point of imports (CLI verb and HTTP endpoint both go through it).</summary>
public sealed class Importer(NpgsqlDataSource dataSource, ImportOptions options)
{
    public Importer(NpgsqlDataSource dataSource) : this(dataSource, new ImportOptions())
    {
    }

    public ImportOptions Options => options;

    public Task<ImportReport> ImportAsync(ImportRequest request, CancellationToken ct = default) => request.Kind switch
    {
        ImportKind.OrgUnits => new OrgUnitImporter(dataSource, options).ImportAsync(request, ct),
        ImportKind.Responses => new FactImporter(dataSource, new ResponseSpec(), options).ImportAsync(request, ct),
        _ => new FactImporter(dataSource, new InteractionSpec(), options).ImportAsync(request, ct),
    };
}
