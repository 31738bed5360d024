using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Application.Behaviors;

/// <summary>
/// One transaction per command: a refused or failed command leaves nothing behind, a successful one
/// commits whole, with the outbox rows of what it has to tell others. Those are published only after the
/// commit, by the outbox dispatcher, so nobody hears of a row that was never stored and a crash right after the
/// commit loses nothing. The command answers once the dispatcher it woke has published them (at most
/// <see cref="OutboxOptions.MaxPublishWait"/> later): whoever gets the answer may count on the push having left,
/// as when commands pushed themselves. A command that stores nothing (<see cref="IStoresNothing"/>) opens no
/// transaction.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, OutboxSignal outboxSignal, IOptions<OutboxOptions> outboxOptions)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IStoresNothing || unitOfWork.HasActiveTransaction)
        {
            return await next(message, cancellationToken);
        }

        await unitOfWork.BeginAsync(cancellationToken);
        try
        {
            var response = await next(message, cancellationToken);
            if (!response.IsSuccess)
            {
                await unitOfWork.RollbackAsync(cancellationToken);
                return response;
            }

            if (await unitOfWork.CommitAsync(cancellationToken) > 0)
            {
                await WaitForPublicationAsync();
            }

            return response;
        }
        catch
        {
            if (unitOfWork.HasActiveTransaction)
            {
                await unitOfWork.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
    }

    // The command has committed: neither the caller going away nor a slow dispatcher may turn it into an error.
    private async Task WaitForPublicationAsync()
    {
        try
        {
            await outboxSignal.WakeAsync().WaitAsync(outboxOptions.Value.MaxPublishWait, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // published a little later: the rows are stored and the dispatcher keeps trying
        }
    }
}
