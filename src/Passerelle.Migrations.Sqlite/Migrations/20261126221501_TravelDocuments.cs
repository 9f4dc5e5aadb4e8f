using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TravelDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "travel_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NormalizedNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FoldedNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuingState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TheftOrLossOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NationalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    HolderBirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ChangeSequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_travel_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_travel_documents_agencies_OwnerAgencyId",
                        column: x => x.OwnerAgencyId,
                        principalTable: "agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "webhooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Secret = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisabledAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hit_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    QueriedNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QueriedState = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    QueryingAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueryingUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QueryingLogin = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hit_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hit_cases_travel_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "travel_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "travel_document_revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_travel_document_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_travel_document_revisions_travel_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "travel_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebhookId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GaveUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_deliveries_webhooks_WebhookId",
                        column: x => x.WebhookId,
                        principalTable: "webhooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hit_case_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hit_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hit_case_events_hit_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "hit_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hit_case_events_CaseId",
                table: "hit_case_events",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_hit_cases_DocumentId",
                table: "hit_cases",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_hit_cases_OwnerAgencyId_Status_OpenedAt",
                table: "hit_cases",
                columns: new[] { "OwnerAgencyId", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hit_cases_QueryingAgencyId_OpenedAt",
                table: "hit_cases",
                columns: new[] { "QueryingAgencyId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_AgencyId_CreatedAt",
                table: "notifications",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_travel_document_revisions_DocumentId_Version",
                table: "travel_document_revisions",
                columns: new[] { "DocumentId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_ChangeSequence",
                table: "travel_documents",
                column: "ChangeSequence");

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_FoldedNumber",
                table: "travel_documents",
                column: "FoldedNumber");

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_IssuingState_Type_NormalizedNumber",
                table: "travel_documents",
                columns: new[] { "IssuingState", "Type", "NormalizedNumber" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_OwnerAgencyId_ReportedOn",
                table: "travel_documents",
                columns: new[] { "OwnerAgencyId", "ReportedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_DeliveredAt_GaveUpAt_NextAttemptAt",
                table: "webhook_deliveries",
                columns: new[] { "DeliveredAt", "GaveUpAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_WebhookId",
                table: "webhook_deliveries",
                column: "WebhookId");

            migrationBuilder.CreateIndex(
                name: "IX_webhooks_AgencyId",
                table: "webhooks",
                column: "AgencyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hit_case_events");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "travel_document_revisions");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "hit_cases");

            migrationBuilder.DropTable(
                name: "webhooks");

            migrationBuilder.DropTable(
                name: "travel_documents");
        }
    }
}
