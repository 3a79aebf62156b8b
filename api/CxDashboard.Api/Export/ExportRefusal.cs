using Microsoft.AspNetCore.Http.HttpResults;

namespace CxDashboard.Api.Export;

/// <summary>Why an export request is refused, as an RFC 9457 problem (status, a stable type, a title and what to do).</summary>
public sealed record ExportRefusal(int Status, string Type, string Title, string Detail)
{
    public ProblemHttpResult ToProblem() =>
        TypedResults.Problem(statusCode: Status, title: Title, detail: Detail, type: $"https://cxdashboard.example/problems/export/{Type}");

    public static ExportRefusal BadParameter(string title, string detail) => new(StatusCodes.Status400BadRequest, "bad-parameter", title, detail);

    public static ExportRefusal UnknownUnit(string code) =>
        // Out of scope reads exactly like unknown (as in GraphQL's NOT_FOUND), so a scope cannot probe for units.
        new(StatusCodes.Status404NotFound, "unknown-unit", "Unknown unit", $"No unit '{code}' in your scope.");

    public static ExportRefusal FutureMonth(string month) =>
        new(StatusCodes.Status422UnprocessableEntity, "future-month", "Month in the future", $"{month} has not started yet.");

    public static ExportRefusal NotRolledUp(string month) =>
        new(StatusCodes.Status409Conflict, "not-rolled-up", "Month not rolled up yet",
            $"The rollup cells of {month} are not complete yet (the month has not ended, or facts of it wait for the next refresh). Try again after the next rollup run.");

    public static ExportRefusal RangeTooLarge(int days, int max) =>
        new(StatusCodes.Status400BadRequest, "range-too-large", "Date range too large", $"The range spans {days} days; at most {max} days can be exported at once.");

    public static ExportRefusal Floor() =>
        new(StatusCodes.Status403Forbidden, "privacy-floor", "Raw data is not available to you",
            "Your values are read under the privacy floor; raw rows would reveal what it hides. Export the monthly review instead.");
}
