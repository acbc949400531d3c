/*
 * The floor for any relay hop: one thread, one epoll set, no parsing and no policy. It accepts on a Unix socket and
 * pipes each connection to one fixed loopback TCP port. The egress benchmark runs it beside the proxy so the cost of
 * the hop itself (its wake-ups and socket operations on the same cores as the client and the server) is measured in
 * the same run as the proxy: what the proxy costs above this is ours to remove, what this costs is not.
 *   floor-relay UNIX_SOCKET_PATH TCP_PORT      prints "ready 0" once listening; ends when stdin closes.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

enum { MaxFd = 65536, BufSize = 64 * 1024 };
static int peer[MaxFd];

static void drop(int ep, int fd)
{
    int other = peer[fd];
    epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
    epoll_ctl(ep, EPOLL_CTL_DEL, other, NULL);
    close(fd);
    close(other);
    peer[fd] = peer[other] = -1;
}

/* Waits (poll) when the peer's buffer is full, as a blocking write would: simple, and the benchmark's peers drain fast. */
static int write_all(int fd, const char *p, ssize_t n)
{
    while (n > 0) {
        ssize_t w = send(fd, p, (size_t)n, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                struct pollfd pf = {.fd = fd, .events = POLLOUT};
                poll(&pf, 1, -1);
                continue;
            }
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: floor-relay UNIX_SOCKET_PATH TCP_PORT\n");
        return 2;
    }
    int port = atoi(argv[2]);
    int lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    struct sockaddr_un ua = {.sun_family = AF_UNIX};
    strncpy(ua.sun_path, argv[1], sizeof ua.sun_path - 1);
    unlink(argv[1]);
    if (bind(lfd, (struct sockaddr *)&ua, sizeof ua) != 0 || listen(lfd, 512) != 0) {
        perror("floor-relay: listen");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = lfd};
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    ev.data.fd = 0;
    epoll_ctl(ep, EPOLL_CTL_ADD, 0, &ev);
    printf("ready 0\n");
    fflush(stdout);

    static char buf[BufSize];
    struct epoll_event events[64];
    for (;;) {
        int n = epoll_wait(ep, events, 64, -1);
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == 0) return 0;
            if (fd == lfd) {
                int c;
                while ((c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    int u = socket(AF_INET, SOCK_STREAM, 0);
                    int one = 1;
                    setsockopt(u, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct sockaddr_in ta = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
                    ta.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
                    if (c >= MaxFd || u < 0 || u >= MaxFd || connect(u, (struct sockaddr *)&ta, sizeof ta) != 0) {
                        close(c);
                        if (u >= 0) close(u);
                        continue;
                    }
                    fcntl(u, F_SETFL, O_NONBLOCK);
                    peer[c] = u;
                    peer[u] = c;
                    struct epoll_event e1 = {.events = EPOLLIN, .data.fd = c}, e2 = {.events = EPOLLIN, .data.fd = u};
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &e1);
                    epoll_ctl(ep, EPOLL_CTL_ADD, u, &e2);
                }
                continue;
            }
            if (peer[fd] < 0) continue;
            ssize_t r = recv(fd, buf, sizeof buf, 0);
            if (r > 0) {
                if (write_all(peer[fd], buf, r) != 0) drop(ep, fd);
            } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
                drop(ep, fd);
            }
        }
    }
}
