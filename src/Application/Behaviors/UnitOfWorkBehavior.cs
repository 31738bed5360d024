using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Events;
using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Behaviors;

/// <summary>
/// One transaction per command: a refused or failed command leaves nothing behind, a successful one
/// commits whole. Domain events are published only after the commit, so nobody hears of a row that
/// was never stored.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork, DomainEventPublisher eventPublisher)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (unitOfWork.HasActiveTransaction)
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

            var events = await unitOfWork.CommitAsync(cancellationToken);
            await eventPublisher.PublishAsync(events, cancellationToken);
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
}
