using System;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneOpenCasePerAgency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_hit_cases_DocumentId",
                table: "hit_cases");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastScreenedAt",
                table: "hit_cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "LastScreenedBy",
                table: "hit_cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LastScreenedByUserId",
                table: "hit_cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScreenCount",
                table: "hit_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            MergeOpenCases(migrationBuilder);
            RenameCleared(migrationBuilder, back: false);

            migrationBuilder.CreateIndex(
                name: "IX_hit_cases_one_open_per_agency",
                table: "hit_cases",
                columns: new[] { "DocumentId", "QueryingAgencyId" },
                unique: true,
                filter: "\"Status\" = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The merged cases stay merged: their screenings and timelines live on in the case that took them.
            RenameCleared(migrationBuilder, back: true);
            migrationBuilder.DropIndex(
                name: "IX_hit_cases_one_open_per_agency",
                table: "hit_cases");

            migrationBuilder.DropColumn(
                name: "LastScreenedAt",
                table: "hit_cases");

            migrationBuilder.DropColumn(
                name: "LastScreenedBy",
                table: "hit_cases");

            migrationBuilder.DropColumn(
                name: "LastScreenedByUserId",
                table: "hit_cases");

            migrationBuilder.DropColumn(
                name: "ScreenCount",
                table: "hit_cases");

            migrationBuilder.CreateIndex(
                name: "IX_hit_cases_DocumentId",
                table: "hit_cases",
                column: "DocumentId");
        }
        // Before the index: every row gets its first screening as its last, then each group of open cases on one
        // record by one agency (what repeat screenings made before) becomes its oldest case, which takes the others'
        // screenings, timelines, notifications and deliveries. SQL that reads the same on SQLite and PostgreSQL.
        private const string Keeper =
            "SELECT k.\"Id\" FROM hit_cases k WHERE k.\"DocumentId\" = {0}.\"DocumentId\" " +
            "AND k.\"QueryingAgencyId\" = {0}.\"QueryingAgencyId\" AND k.\"Status\" = 'Open' " +
            "ORDER BY k.\"OpenedAt\", k.\"Id\" LIMIT 1";

        private const string Group =
            "FROM hit_cases d WHERE d.\"DocumentId\" = hit_cases.\"DocumentId\" " +
            "AND d.\"QueryingAgencyId\" = hit_cases.\"QueryingAgencyId\" AND d.\"Status\" = 'Open'";

        private const string Latest = "ORDER BY d.\"OpenedAt\" DESC, d.\"Id\" DESC LIMIT 1";

        private static string KeeperOf(string alias) => string.Format(CultureInfo.InvariantCulture, Keeper, alias);

        private static void MergeOpenCases(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE hit_cases SET \"LastScreenedAt\" = \"OpenedAt\", \"LastScreenedBy\" = \"QueryingLogin\", " +
                "\"LastScreenedByUserId\" = \"QueryingUserId\"");
            migrationBuilder.Sql(
                $"UPDATE hit_cases SET \"ScreenCount\" = (SELECT COUNT(*) {Group}), " +
                $"\"LastScreenedAt\" = (SELECT MAX(d.\"OpenedAt\") {Group}), " +
                $"\"LastScreenedBy\" = (SELECT d.\"QueryingLogin\" {Group} {Latest}), " +
                $"\"LastScreenedByUserId\" = (SELECT d.\"QueryingUserId\" {Group} {Latest}) " +
                "WHERE \"Status\" = 'Open'");
            var merged =
                $"SELECT o.\"Id\" FROM hit_cases o WHERE o.\"Status\" = 'Open' AND o.\"Id\" <> ({KeeperOf("o")})";
            // A group with an exact match is a hit, whichever of its cases came first.
            migrationBuilder.Sql(
                $"UPDATE hit_cases SET \"Match\" = 'Hit' WHERE \"Status\" = 'Open' AND \"Match\" <> 'Hit' " +
                $"AND EXISTS (SELECT 1 {Group} AND d.\"Match\" = 'Hit')");
            // The merged case's id stays on the kept case's timeline, so an id already sent out can be traced.
            migrationBuilder.Sql(
                "UPDATE hit_case_events SET \"Kind\" = 'screened-again', " +
                "\"Note\" = COALESCE(\"Note\" || ' · ', '') || 'formerly case ' || \"CaseId\" " +
                $"WHERE \"Kind\" = 'opened' AND \"CaseId\" IN ({merged})");
            foreach (var table in new[] { "hit_case_events", "notifications", "webhook_deliveries" })
            {
                var keeper = $"(SELECT ({KeeperOf("h")}) FROM hit_cases h WHERE h.\"Id\" = {table}.\"CaseId\")";
                migrationBuilder.Sql($"UPDATE {table} SET \"CaseId\" = {keeper} WHERE \"CaseId\" IN ({merged})");
            }

            migrationBuilder.Sql($"DELETE FROM hit_cases WHERE \"Id\" IN ({merged})");
        }

        // "Clear" meant two things; a decided hit is now confirmed, recovered or a mismatch.
        private static void RenameCleared(MigrationBuilder migrationBuilder, bool back)
        {
            Rename(migrationBuilder, "hit_cases", "Status", "Cleared", "Recovered", back);
            Rename(migrationBuilder, "hit_case_events", "Kind", "cleared", "recovered", back);
            Rename(migrationBuilder, "notifications", "Kind", "hit.cleared", "hit.recovered", back);
        }

        private static void Rename(
            MigrationBuilder migrationBuilder, string table, string column, string old, string now, bool back)
        {
            var (from, to) = back ? (now, old) : (old, now);
            migrationBuilder.Sql($"UPDATE {table} SET \"{column}\" = '{to}' WHERE \"{column}\" = '{from}'");
        }
    }
}
