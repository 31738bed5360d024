using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Astegni.Chat.Api.Http;

/// <summary>Ready means the database answers.</summary>
internal sealed class DatabaseHealthCheck(ChatDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The chat database does not answer.");
}
