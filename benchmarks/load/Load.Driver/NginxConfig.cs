namespace FunctionGateway.Load.Driver;

/// <summary>nginx as a reference upstream: one worker per core, keep-alive, and the load body from memory for any path.</summary>
internal static class NginxConfig
{
    public static string Render(int port, string directory)
    {
        // nginx's string literal takes the JSON as is: the body has no quote of the kind that delimits it.
        return $$"""
            daemon off;
            master_process on;
            worker_processes auto;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                keepalive_requests 1000000;
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        default_type application/json;
                        return 200 '{{Load.LoadBody.Json}}';
                    }
                }
            }
            """;
    }
}
