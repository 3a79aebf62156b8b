using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CxDashboard.GraphQL.Http;

/// <summary>
/// The query page a browser gets on GET: the host's own page when <see cref="GraphQLHttpOptions.GraphiQLPageFile"/>
/// names one (e.g. a bundled GraphiQL build), else a small self-contained built-in page kept only as the fallback
/// for hosts that ship none. Neither loads anything from a CDN: the service runs offline.
/// </summary>
internal static class GraphiQLPage
{
    /// <summary>
    /// For a bundled page: its scripts, styles and fonts come from this origin (styles may be set inline by the
    /// editor), and it may only talk to this origin.
    /// </summary>
    private const string BundledPagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string BuiltInPagePolicy =
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";

    public static async Task WriteAsync(HttpContext context, GraphQLHttpOptions options, ILogger logger)
    {
        string html, policy;
        if (options.GraphiQLPageFile is { } file && File.Exists(file))
        {
            html = await File.ReadAllTextAsync(file, context.RequestAborted);
            policy = BundledPagePolicy;
        }
        else
        {
            if (options.GraphiQLPageFile is { } missing)
                logger.LogWarning("GraphiQL page {File} not found; serving the built-in query page", missing);
            html = Html;
            policy = BuiltInPagePolicy;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Content-Security-Policy"] = policy;
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    /// <summary>A browser opening the endpoint: GET, no query parameter, HTML acceptable.</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query") && MediaTypes.AcceptsHtml(request.Headers.Accept);

    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>GraphQL</title>
        <style>
          body { font: 14px system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 1fr 1fr; height: 100vh; }
          .pane { display: flex; flex-direction: column; padding: 8px; gap: 6px; min-height: 0; }
          textarea, pre { font: 13px ui-monospace, monospace; border: 1px solid #ccc; border-radius: 4px; padding: 6px; margin: 0; }
          #query { flex: 3; } #variables { flex: 1; } pre { flex: 1; overflow: auto; background: #f7f7f7; }
          .bar { display: flex; gap: 6px; align-items: center; } button { padding: 4px 12px; }
        </style>
        </head>
        <body>
        <div class="pane">
          <div class="bar"><button id="run" title="Ctrl+Enter">Run</button><button id="schema">Schema types</button>
            <input id="operationName" placeholder="operation name (optional)"></div>
          <textarea id="query" spellcheck="false">{
          __typename
        }</textarea>
          <label for="variables">Variables (JSON)</label>
          <textarea id="variables" spellcheck="false">{}</textarea>
        </div>
        <div class="pane"><div class="bar"><span id="status"></span></div><pre id="result"></pre></div>
        <script>
          const $ = id => document.getElementById(id);
          const saved = localStorage.getItem('graphql.query'); if (saved) $('query').value = saved;
          async function send(query, variables, operationName) {
            $('status').textContent = 'running…';
            const started = performance.now();
            try {
              const response = await fetch(location.pathname, {
                method: 'POST', credentials: 'same-origin',
                headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
                body: JSON.stringify({ query, variables, operationName: operationName || null })
              });
              const text = await response.text();
              let shown = text; try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch {}
              $('status').textContent = response.status + ' · ' + Math.round(performance.now() - started) + ' ms';
              $('result').textContent = shown;
            } catch (e) { $('status').textContent = 'failed'; $('result').textContent = String(e); }
          }
          function run() {
            let variables = null;
            const raw = $('variables').value.trim();
            if (raw) { try { variables = JSON.parse(raw); } catch (e) { $('result').textContent = 'Variables are not JSON: ' + e.message; return; } }
            localStorage.setItem('graphql.query', $('query').value);
            send($('query').value, variables, $('operationName').value.trim());
          }
          $('run').onclick = run;
          $('schema').onclick = () => send('{ __schema { queryType { name } mutationType { name } types { kind name description } } }', null, null);
          document.addEventListener('keydown', e => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run(); });
        </script>
        </body>
        </html>
        """;
}
