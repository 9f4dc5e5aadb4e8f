using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;
using Passerelle.Security;

namespace Passerelle.Pages;

/// <summary>
/// Asks every page's rule before its handler runs, so no page can forget one; anonymous pages (sign-in, language) say
/// so with <see cref="AllowAnonymousAttribute"/>. A refusal is audited and answered as the cookie scheme does.
/// </summary>
internal sealed class PageAccessFilter(AuditWriter audit) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var anonymous = context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        if (!anonymous && context.HandlerInstance is PasserellePage page)
        {
            var actor = context.HttpContext.Actor();
            if (!AccessRules.MayUsePages(actor) || !page.MayOpen(actor))
            {
                var target = AuditTarget.Page(context.ActionDescriptor.ViewEnginePath);
                await audit.DenyAsync(actor, target, context.HttpContext.RequestAborted);
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }
}
