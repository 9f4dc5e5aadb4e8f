using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Products = table.Column<string>(type: "TEXT", nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TransportMode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Containers = table.Column<string>(type: "TEXT", nullable: false),
                    Consignor = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Consignee = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TargetAgencies = table.Column<string>(type: "TEXT", nullable: false),
                    TargetCountries = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alerts_agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_OwnerAgencyId",
                table: "alerts",
                column: "OwnerAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Status_ExpiresOn",
                table: "alerts",
                columns: new[] { "Status", "ExpiresOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");
        }
    }
}
