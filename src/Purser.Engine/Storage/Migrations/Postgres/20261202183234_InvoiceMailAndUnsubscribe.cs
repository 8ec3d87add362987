using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvoiceMailAndUnsubscribe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UnsubscribedAt",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AttachedInvoiceId",
                table: "Outbox",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UnsubscribedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "AttachedInvoiceId",
                table: "Outbox");
        }
    }
}
