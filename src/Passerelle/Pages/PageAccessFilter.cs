using System.Collections.Frozen;
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
    // Pages whose file moved to their capability's folder keep the name their refusals were audited under, so an
    // auditor's search by target finds the refusals from before and after the move together.
    private static readonly FrozenDictionary<string, string> FormerNames = new Dictionary<string, string>
    {
        ["/Alerts/Index"] = "/Brand/Alerts",
        ["/Products/Own"] = "/Brand/Products",
        ["/Products/Product"] = "/Brand/Product",
        ["/TravelDocuments/Screen"] = "/Screen/Index",
        ["/TravelDocuments/Manifest"] = "/Screen/Manifest",
        ["/TravelDocuments/Documents"] = "/Documents/Index",
        ["/TravelDocuments/Document"] = "/Documents/Detail",
        ["/Authentications/Seizures"] = "/Statistics/Seizures",
    }.ToFrozenDictionary(StringComparer.Ordinal);

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
                var path = context.ActionDescriptor.ViewEnginePath;
                var target = AuditTarget.Page(FormerNames.GetValueOrDefault(path, path));
                await audit.DenyAsync(actor, target, context.HttpContext.RequestAborted);
                context.Result = new ForbidResult();
                return;
            }
        }

        await next();
    }
}
