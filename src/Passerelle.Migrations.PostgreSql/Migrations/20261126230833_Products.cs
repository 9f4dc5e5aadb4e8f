using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Products : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "product_sheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Brand = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    HsCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Packaging = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ManufacturingCountries = table.Column<List<string>>(type: "text[]", nullable: false),
                    DistributionRoutes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CounterfeitIndicators = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Contacts = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Hotline = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SearchKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_sheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_product_sheets_agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "authentication_features",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Restricted = table.Column<bool>(type: "boolean", nullable: false),
                    AllowedAgencies = table.Column<List<string>>(type: "text[]", nullable: false),
                    AllowedCountries = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_authentication_features", x => x.Id);
                    table.ForeignKey(
                        name: "FK_authentication_features_product_sheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "product_sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_gtins",
                columns: table => new
                {
                    Gtin = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    SheetId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_gtins", x => x.Gtin);
                    table.ForeignKey(
                        name: "FK_product_gtins_product_sheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "product_sheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_authentication_features_SheetId",
                table: "authentication_features",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_product_gtins_SheetId",
                table: "product_gtins",
                column: "SheetId");

            migrationBuilder.CreateIndex(
                name: "IX_product_sheets_Brand",
                table: "product_sheets",
                column: "Brand");

            migrationBuilder.CreateIndex(
                name: "IX_product_sheets_OwnerAgencyId",
                table: "product_sheets",
                column: "OwnerAgencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "authentication_features");

            migrationBuilder.DropTable(
                name: "product_gtins");

            migrationBuilder.DropTable(
                name: "product_sheets");
        }
    }
}
