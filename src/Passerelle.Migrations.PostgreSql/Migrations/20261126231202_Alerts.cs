using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Products = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Route = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TransportMode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Containers = table.Column<List<string>>(type: "text[]", nullable: false),
                    Consignor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Consignee = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Confidence = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TargetAgencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    TargetCountries = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
