using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;


namespace Passerelle.Migrations.PostgreSql.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "authentication_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    RightsHolderAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestingAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestingUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestingLogin = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConsigneeDetails = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    VerdictReasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    OutcomeQuantity = table.Column<int>(type: "integer", nullable: true),
                    EstimatedValue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    OutcomeAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Agency = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
