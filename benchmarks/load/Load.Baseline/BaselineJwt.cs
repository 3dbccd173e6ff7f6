using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace FunctionGateway.Load.Baseline;

/// <summary>
/// JwtBearer with the checks the gateway's authorizer makes: HS256 only, issuer, audience, lifetime with no
/// clock skew. Every request's token is validated again: JwtBearer keeps no cache of accepted tokens.
/// </summary>
internal static class BaselineJwt
{
    public static void Add(IServiceCollection services, string[] args)
    {
        var secret = Environment.GetEnvironmentVariable("JWT_SECRET")
            ?? throw new InvalidOperationException("JWT_SECRET must hold the HS256 secret.");
        var issuer = LoadServer.Argument(args, "--issuer") ?? throw new ArgumentException("--issuer is required with --auth jwt.");
        var audience = LoadServer.Argument(args, "--audience") ?? throw new ArgumentException("--audience is required with --auth jwt.");

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
                ValidIssuer = issuer,
                ValidAudience = audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.Zero,
            };
        });
        // YARP's reserved policy name "default" is the app's default policy: an authenticated user.
        services.AddAuthorization();
    }
}
