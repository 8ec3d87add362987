using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxSender : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_SentAt",
                table: "Outbox");

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "Outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Channel",
                table: "Outbox",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "Event");

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "Outbox",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "Outbox",
                type: "character varying(262144)",
                maxLength: 262144,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastError",
                table: "Outbox",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntil",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MessageId",
                table: "Outbox",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "NextAttemptAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "OnceKey",
                table: "Outbox",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            // Messages written before the sender existed get their stable id and are due from when they were written.
            migrationBuilder.Sql("""UPDATE "Outbox" SET "NextAttemptAt" = "CreatedAt", "MessageId" = gen_random_uuid();""");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_OnceKey",
                table: "Outbox",
                column: "OnceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_OnceKey",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_SentAt_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LastError",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "MessageId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "OnceKey",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAt",
                table: "Outbox",
                column: "SentAt");
        }
    }
}
