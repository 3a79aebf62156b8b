using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CxDashboard.Benchmarks;

/// <summary>
/// The built host serving HTTP on Kestrel (API role: no background jobs) against a bench database on a
/// free local port, with an executive token from its own demo issuer — the path a dashboard takes.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;
    private readonly StringBuilder log = new();

    private ApiProcess(Process process, HttpClient http)
    {
        this.process = process;
        this.http = http;
    }

    public static async Task<ApiProcess> StartAsync(string connectionString, string persona = "executive")
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CxDashboard.Api.dll"));
        psi.Environment["ConnectionStrings__Cx"] = connectionString;
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Role"] = "api";
        psi.Environment["Auth__DemoIssuer"] = "true"; // the benchmark signs in as demo personas
        psi.Environment["Database__Migrate"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(psi)!;
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var api = new ApiProcess(process, new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) });
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the API exited with code {process.ExitCode}:\n{api.Log}");
            try
            {
                using var health = await api.http.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"the API did not become healthy in 3 minutes:\n{api.Log}");
            await Task.Delay(250);
        }

        using var tokenResponse = await api.http.PostAsync("/auth/token", new StringContent(JsonSerializer.Serialize(new { persona }), Encoding.UTF8, "application/json"));
        tokenResponse.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        api.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return api;
    }

    private string Log
    {
        get
        {
            lock (log) return log.ToString();
        }
    }

    /// <summary>POST /graphql; the whole body as text (a non-200 status throws with the body).</summary>
    public async Task<string> GraphQLAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("/graphql", content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"/graphql answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>GET, reading the body as it streams: seconds to the first body byte and to the last, and the bytes read.</summary>
    public async Task<(double FirstByte, double Total, long Bytes)> DownloadTimingAsync(string url)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        var n = await body.ReadAsync(buffer);
        var first = clock.Elapsed.TotalSeconds;
        long bytes = n;
        while ((n = await body.ReadAsync(buffer)) > 0) bytes += n;
        return (first, clock.Elapsed.TotalSeconds, bytes);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (log)
        {
            if (log.Length < 200_000) log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
