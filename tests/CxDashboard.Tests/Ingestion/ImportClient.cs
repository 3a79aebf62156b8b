using System.Net.Http.Headers;
using System.Text;

namespace CxDashboard.Tests.Ingestion;

/// <summary>Posts files to the import endpoint the way a browser or curl would (multipart, field "file").</summary>
internal static class ImportClient
{
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string kind, string fileName, string content, string query = "")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/x-ndjson");
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/import/{kind}{query}", form);
    }

    /// <summary>A short unique prefix so each test's org units never collide with another's.</summary>
    public static string NewPrefix() => "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() + "-";
}
