using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Detentions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ShareConsigneeDetails",
                table: "agencies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "authentication_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RightsHolderAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestingUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestingLogin = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConsigneeDetails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    VerdictReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    OutcomeQuantity = table.Column<int>(type: "INTEGER", nullable: true),
                    EstimatedValue = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    OutcomeAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_authentication_requests_product_sheets_ProductId",
                        column: x => x.ProductId,
                        principalTable: "product_sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "authentication_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_authentication_messages_authentication_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "authentication_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_authentication_messages_RequestId",
                table: "authentication_messages",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_authentication_requests_ProductId",
                table: "authentication_requests",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_authentication_requests_RequestingAgencyId_CreatedAt",
                table: "authentication_requests",
                columns: new[] { "RequestingAgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_authentication_requests_RightsHolderAgencyId_CreatedAt",
                table: "authentication_requests",
                columns: new[] { "RightsHolderAgencyId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "authentication_messages");

            migrationBuilder.DropTable(
                name: "authentication_requests");

            migrationBuilder.DropColumn(
                name: "ShareConsigneeDetails",
                table: "agencies");
        }
    }
}
