using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Functions.Tests.Support;

/// <summary>An HS256 token signed with a given secret, valid for ten minutes by the clock the engine reads.</summary>
internal static class Hs256Token
{
    public static string Sign(string secret) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("sub", "user-1")]),
        Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
    });
}
