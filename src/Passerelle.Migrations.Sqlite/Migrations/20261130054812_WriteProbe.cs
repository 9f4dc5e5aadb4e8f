using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WriteProbe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "write_probes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    ProbedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_write_probes", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "write_probes",
                columns: new[] { "Id", "ProbedAt" },
                values: new object[] { 1, new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "write_probes");
        }
    }
}
