using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CxDashboard.GraphQL.Execution;

namespace CxDashboard.GraphQL.Http;

/// <summary>
/// Writes a response map as JSON: "errors" first, then "data" (omitted when the request failed before
/// execution), then "extensions". "The response to the request must be a map."
/// https://spec.graphql.org/October2021/#sec-Response-Format
/// </summary>
public static class ExecutionResultWriter
{
    /// <summary>
    /// Escapes only what JSON requires (quotes, backslash, control characters), like JSON.stringify: the body is
    /// served as JSON, never embedded in HTML, so HTML-sensitive and non-ASCII characters stay readable.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter writer, ExecutionResult result)
    {
        writer.WriteStartObject();
        if (result.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in errors) WriteError(writer, error);
            writer.WriteEndArray();
        }
        if (result.HasData)
        {
            writer.WritePropertyName("data");
            WriteValue(writer, result.Data);
        }
        if (result.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    public static byte[] ToUtf8(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions)) Write(writer, result);
        return stream.ToArray();
    }

    /// <summary>"message", then "locations" [{line, column}], "path", "extensions" when present.</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is { } path)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            foreach (var segment in path)
            {
                if (segment is int index) writer.WriteNumberValue(index);
                else writer.WriteStringValue(segment.ToString());
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            WriteValue(writer, extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Serialized result values: maps (in their order), lists, strings, numbers, booleans, null.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case JsonElement element: element.WriteTo(writer); break;
            // The executor's own result shapes first, walked by index: no enumerator per object or list, keys encoded once.
            case ResultMap fields:
                writer.WriteStartObject();
                for (var i = 0; i < fields.Width; i++)
                {
                    if (!fields.Has(i)) continue;
                    writer.WritePropertyName(fields.EncodedKeyAt(i));
                    WriteValue(writer, fields.ValueAt(i));
                }
                writer.WriteEndObject();
                break;
            case OrderedDictionary<string, object?> fields:
                writer.WriteStartObject();
                for (var i = 0; i < fields.Count; i++)
                {
                    var (key, item) = fields.GetAt(i);
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case List<object?> items:
                writer.WriteStartArray();
                for (var i = 0; i < items.Count; i++) WriteValue(writer, items[i]);
                writer.WriteEndArray();
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                break;
        }
    }
}
