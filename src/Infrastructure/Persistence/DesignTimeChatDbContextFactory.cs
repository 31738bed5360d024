using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Astegni.Chat.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or the Api host.</summary>
internal sealed class DesignTimeChatDbContextFactory : IDesignTimeDbContextFactory<ChatDbContext>
{
    public ChatDbContext CreateDbContext(string[] args) =>
        new(ChatDbContextOptions.Configure(new DbContextOptionsBuilder<ChatDbContext>(), "Host=localhost").Options);
}
