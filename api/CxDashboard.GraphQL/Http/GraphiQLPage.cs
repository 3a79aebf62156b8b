using Microsoft.AspNetCore.Http;

namespace CxDashboard.GraphQL.Http;

/// <summary>
/// A small self-contained query page served to browsers on GET (no CDN or external script: the service runs
/// offline). It posts the query, variables and operation name to the same URL and shows the JSON response.
/// </summary>
internal static class GraphiQLPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Content-Security-Policy"] =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'";
        await context.Response.WriteAsync(Html, context.RequestAborted);
    }

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
