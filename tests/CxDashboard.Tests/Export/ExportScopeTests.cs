using System.Globalization;
using CxDashboard.Core.Export;

namespace CxDashboard.Tests.Export;

/// <summary>The review as a department head and as a partner manager: nothing outside the scope, nothing below the privacy floor.</summary>
[Collection(ExportApp.Collection.Name)]
public sealed class ExportScopeTests(ExportApp app)
{
    private static readonly ReviewLabels En = ReviewLabels.For("en")!;

    [Fact]
    public async Task Department_head_review_names_no_unit_outside_the_department_in_any_cell_of_any_sheet()
    {
        var opened = await app.OpenedAsync();
        var book = opened["department_head"];
        var inside = (await app.RowsAsync("""
            SELECT u.code, u.name FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id JOIN org_unit r ON r.id = c.ancestor_id WHERE r.code = $1
            """, ExportApp.DeptUnit)).Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        var outside = (await app.RowsAsync("SELECT code, name FROM org_unit")).Select(r => ((string)r[0]!, (string)r[1]!))
            .Where(u => !inside.Any(i => i.Item1 == u.Item1)).ToList();
        Assert.True(inside.Count >= 5 && outside.Count > 100);
        var insideNames = inside.Select(i => i.Item2).ToHashSet();
        var outsideCodes = outside.Select(o => o.Item1).ToHashSet();
        var outsideNames = outside.Select(o => o.Item2).Where(n => !insideNames.Contains(n)).ToHashSet();

        var cells = 0;
        foreach (var (sheet, rows) in book)
        {
            foreach (var cell in rows.SelectMany(r => r).Where(c => c != ""))
            {
                cells++;
                Assert.False(outsideCodes.Contains(cell), $"{sheet}: unit {cell} is outside the department");
                Assert.False(outsideNames.Contains(cell), $"{sheet}: unit name '{cell}' is outside the department");
                foreach (var code in outsideCodes.Where(c => c.Length > 3)) Assert.False(cell.Contains(code, StringComparison.Ordinal), $"{sheet}: '{cell}' names {code}");
            }
        }
        Assert.True(cells > 100);
        // Every unit of the department is there.
        var cascadeCodes = book[En["s.cascade"]].Skip(1).Select(r => r[0]).Where(c => c != "").ToHashSet();
        Assert.Equal(inside.Select(i => i.Item1).ToHashSet(), cascadeCodes);
    }

    [Fact]
    public async Task Partner_manager_review_shows_no_value_over_fewer_responses_than_the_floor()
    {
        var opened = await app.OpenedAsync();
        var belowFloor = 0;
        // The value cell holds the floor's marker and no number; the counts and figures derived from it are blank.
        void Check(string sheet, string[] row, int nCol, int markedCol, params int[] blankCols)
        {
            if (row.Length <= nCol || !long.TryParse(row[nCol], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n is <= 0 or >= 5) return;
            belowFloor++;
            Assert.True(row[markedCol] == En["hidden"], $"{sheet} {string.Join(",", row)}: column {markedCol} is not marked hidden over n = {n}");
            foreach (var c in blankCols) Assert.True(row.Length <= c || row[c] == "", $"{sheet} {string.Join(",", row)}: column {c} shows a value over n = {n}");
        }
        foreach (var book in new[] { opened["partner_manager"], opened["partner_manager_tiny"] })
        {
            foreach (var r in book[En["s.data"]].Skip(1)) Check("Data", r, 5, 9, 6, 7, 8);
            foreach (var r in book[En["s.cascade"]].Skip(1)) { Check("Cascade", r, 5, 4); Check("Cascade", r, 8, 7); Check("Cascade", r, 11, 10); }
            foreach (var r in book[En["s.partners"]].Skip(1)) { Check("Partners", r, 4, 3); Check("Partners", r, 6, 5); Check("Partners", r, 8, 7); }
            foreach (var r in book[En["s.summary"]].Skip(8)) Check("Summary", r, 10, 4, 6, 8, 9);
        }
        Assert.True(belowFloor > 0, "the partner's reviews have no count below the floor: the check proved nothing");
        // July 2025: the engagement's three responses show as n = 3 and nothing else.
        var tiny = opened["partner_manager_tiny"][En["s.data"]].Single(r => r.Length > 3 && r[0] == ExportApp.PartnerUnit && r[3] == "nps");
        Assert.Equal(("3", "", "", "", En["hidden"]), (tiny[5], tiny[6], tiny[7], tiny[8], tiny[9]));
        var book0 = opened["partner_manager"];

        // The partner's units are its engagements only, and the league holds Acme alone.
        var partners = book0[En["s.partners"]].Skip(1).Where(r => r.Length > 1 && r[1] != "").Select(r => r[1]).ToList();
        Assert.Equal(["PRT-ACME"], partners);
        Assert.All(book0[En["s.cascade"]].Skip(1).Where(r => r[0] != ""), r => Assert.StartsWith("ENG-PRT-ACME-", r[0]));
        // The workbook says so in its header.
        Assert.Contains(book0[En["s.summary"]], r => r.Length > 0 && r[0] == En["floor"]);
    }
}
