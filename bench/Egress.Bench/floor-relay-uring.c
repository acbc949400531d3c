/*
 * floor-relay.c's job (one thread, Unix socket in, one fixed loopback TCP port out, no parsing, no policy) on io_uring
 * instead of epoll + recv/send: every receive stays posted in the kernel, and a loop turn submits all the sends and
 * re-posted receives its completions called for and waits for the next completion in the same io_uring_enter. The
 * question it answers: does batching the hop's socket work into one system call per turn (and letting the kernel run
 * it) make a relay hop cheaper on these cores than the epoll relay. Raw system calls, no liburing.
 *   floor-relay-uring UNIX_SOCKET_PATH TCP_PORT [MODE]   prints "ready 0" once listening; ends when stdin closes.
 * MODE is comma-separated: "single" (one-shot receive into the side's own buffer, linked behind the send that empties
 * it) or "multi" (multishot receive from a ring of provided buffers), and "defer" (SINGLE_ISSUER | DEFER_TASKRUN),
 * "coop" (COOP_TASKRUN) or "plain" (no task-run flags). Default: single,defer (the cheapest in the benchmark).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/io_uring.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

enum { Entries = 256, BufSize = 64 * 1024, NBuf = 256, Group = 0 };
enum { TagAccept = 1, TagStdin = 2, OpRecv = 0, OpSend = 2 };

struct conn {
    int fd[2];            /* 0: the client's Unix socket, 1: the upstream TCP socket */
    int inflight;         /* requests the kernel still holds a pointer to this for */
    int closing;
    char *buf[2];         /* single: side s receives into buf[s] */
    int sending[2];       /* multi: buffer id of the send in flight to fd[s], -1 if none */
    unsigned short q[2][NBuf]; /* multi: buffers waiting for that send (sends to one socket must not overtake) */
    unsigned qh[2], qt[2];
    int starved[2];       /* multi: fd[s]'s receive ended for want of buffers, to re-post when one comes back */
    struct conn *next_starved;
    int listed;           /* on starved_list: not freed before it leaves the list */
};

static int ring, multi, port, lfd;
static unsigned *sq_head, *sq_tail, *sq_mask, *cq_head, *cq_tail, *cq_mask, sq_local;
static struct io_uring_sqe *sqes;
static struct io_uring_cqe *cqes;
static struct io_uring_buf_ring *br;
static char *bufs;
static unsigned buflen[NBuf], br_tail;
static struct conn *starved_list;

static int enter(unsigned submit, unsigned wait, unsigned flags)
{
    return (int)syscall(__NR_io_uring_enter, ring, submit, wait, flags, NULL, 0);
}

static unsigned unsubmitted(void) { return sq_local - __atomic_load_n(sq_head, __ATOMIC_ACQUIRE); }

static void flush(void)
{
    __atomic_store_n(sq_tail, sq_local, __ATOMIC_RELEASE);
    while (enter(unsubmitted(), 0, 0) < 0 && (errno == EINTR || errno == EAGAIN || errno == EBUSY)) {}
}

/* A turn can ask for more entries than the ring holds (a burst of completions): those go in early, without waiting. */
static struct io_uring_sqe *sqe(int op, int fd, uint64_t data)
{
    if (unsubmitted() == Entries) flush();
    struct io_uring_sqe *e = &sqes[sq_local++ & *sq_mask];
    memset(e, 0, sizeof *e);
    e->opcode = (unsigned char)op;
    e->fd = fd;
    e->user_data = data;
    return e;
}

static uint64_t ud(struct conn *c, int op, int side) { return (uint64_t)(uintptr_t)c | (uint64_t)op | (uint64_t)side; }

static void post_recv(struct conn *c, int s, int poll_first)
{
    struct io_uring_sqe *e = sqe(IORING_OP_RECV, c->fd[s], ud(c, OpRecv, s));
    if (multi) {
        e->flags = IOSQE_BUFFER_SELECT;
        e->buf_group = Group;
        e->ioprio = IORING_RECV_MULTISHOT;
    } else {
        e->addr = (uint64_t)(uintptr_t)c->buf[s];
        e->len = BufSize;
        /* After a send the answer is rarely there yet: skip the receive attempt that would fail, wait for readiness. */
        e->ioprio = poll_first ? IORING_RECVSEND_POLL_FIRST : 0;
    }
    c->inflight++;
}

/* MSG_WAITALL: the kernel finishes a short send itself, so a completion is all or an error. */
static struct io_uring_sqe *post_send(struct conn *c, int s, const char *p, unsigned n)
{
    struct io_uring_sqe *e = sqe(IORING_OP_SEND, c->fd[s], ud(c, OpSend, s));
    e->addr = (uint64_t)(uintptr_t)p;
    e->len = n;
    e->msg_flags = MSG_NOSIGNAL | MSG_WAITALL;
    c->inflight++;
    return e;
}

static void give_buffer(unsigned bid)
{
    struct io_uring_buf *b = &br->bufs[br_tail & (NBuf - 1)];
    b->addr = (uint64_t)(uintptr_t)(bufs + (size_t)bid * BufSize);
    b->len = BufSize;
    b->bid = (unsigned short)bid;
    __atomic_store_n(&br->tail, (unsigned short)++br_tail, __ATOMIC_RELEASE);
}

/* Shutting both sockets down ends the receives still posted; the memory goes once the kernel has let go of all. */
static void drop(struct conn *c)
{
    if (!c->closing) {
        c->closing = 1;
        for (int k = 0; k < 2; k++)
            while (c->qh[k] != c->qt[k]) give_buffer(c->q[k][c->qh[k]++ % NBuf]);
        shutdown(c->fd[0], SHUT_RDWR);
        shutdown(c->fd[1], SHUT_RDWR);
    }
    if (c->inflight == 0 && !c->listed) {
        close(c->fd[0]);
        close(c->fd[1]);
        free(c->buf[0]);
        free(c->buf[1]);
        free(c);
    }
}

static void send_next(struct conn *c, int s)
{
    if (c->sending[s] >= 0 || c->qh[s] == c->qt[s]) return;
    unsigned bid = c->q[s][c->qh[s]++ % NBuf];
    c->sending[s] = (int)bid;
    post_send(c, s, bufs + (size_t)bid * BufSize, buflen[bid]);
}

static void on_accept(int fd)
{
    int u = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in ta = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    ta.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct conn *c = calloc(1, sizeof *c);
    if (u < 0 || !c || setsockopt(u, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 || connect(u, (struct sockaddr *)&ta, sizeof ta) != 0) {
        close(fd);
        if (u >= 0) close(u);
        free(c);
        return;
    }
    c->fd[0] = fd;
    c->fd[1] = u;
    c->sending[0] = c->sending[1] = -1;
    if (!multi) {
        c->buf[0] = malloc(BufSize);
        c->buf[1] = malloc(BufSize);
    }
    post_recv(c, 0, 0);
    post_recv(c, 1, 1);
}

static void on_recv(struct conn *c, int s, const struct io_uring_cqe *e)
{
    int more = (e->flags & IORING_CQE_F_MORE) != 0;
    if (!more) c->inflight--;
    if (multi && e->res == -ENOBUFS && !c->closing) {
        c->starved[s] = 1;
        if (!c->listed) {
            c->listed = 1;
            c->next_starved = starved_list;
            starved_list = c;
        }
        return;
    }
    if (e->res <= 0 || c->closing) {
        if (multi && (e->flags & IORING_CQE_F_BUFFER)) give_buffer(e->flags >> IORING_CQE_BUFFER_SHIFT);
        drop(c);
        return;
    }
    if (!multi) {
        /* The receive into this buffer waits for the send out of it (linked). */
        post_send(c, 1 - s, c->buf[s], (unsigned)e->res)->flags = IOSQE_IO_LINK;
        post_recv(c, s, 1);
        return;
    }
    unsigned bid = e->flags >> IORING_CQE_BUFFER_SHIFT;
    buflen[bid] = (unsigned)e->res;
    c->q[1 - s][c->qt[1 - s]++ % NBuf] = (unsigned short)bid;
    send_next(c, 1 - s);
    if (!more) post_recv(c, s, 0);
}

static void on_send(struct conn *c, int s, const struct io_uring_cqe *e)
{
    c->inflight--;
    if (multi) {
        give_buffer((unsigned)c->sending[s]);
        c->sending[s] = -1;
    }
    if (e->res < 0 || c->closing) {
        drop(c);
        return;
    }
    if (!multi) return;
    send_next(c, s);
    /* A buffer came back: receives that stopped for want of one go on (in any connection). */
    while (starved_list) {
        struct conn *w = starved_list;
        starved_list = w->next_starved;
        w->listed = 0;
        for (int k = 0; k < 2; k++)
            if (w->starved[k]) {
                w->starved[k] = 0;
                if (!w->closing) post_recv(w, k, 0);
            }
        if (w->closing) drop(w);
    }
}

static void setup(unsigned flags)
{
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = flags | IORING_SETUP_SUBMIT_ALL;
    ring = (int)syscall(__NR_io_uring_setup, Entries, &p);
    if (ring < 0) {
        perror("floor-relay-uring: io_uring_setup");
        exit(1);
    }
    if (!(p.features & IORING_FEAT_SINGLE_MMAP)) {
        fprintf(stderr, "floor-relay-uring: kernel too old\n");
        exit(1);
    }
    size_t sq_size = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    size_t cq_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    size_t size = sq_size > cq_size ? sq_size : cq_size;
    char *rings = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQ_RING);
    sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQES);
    if (rings == MAP_FAILED || sqes == MAP_FAILED) {
        perror("floor-relay-uring: mmap");
        exit(1);
    }
    sq_head = (unsigned *)(rings + p.sq_off.head);
    sq_tail = (unsigned *)(rings + p.sq_off.tail);
    sq_mask = (unsigned *)(rings + p.sq_off.ring_mask);
    cq_head = (unsigned *)(rings + p.cq_off.head);
    cq_tail = (unsigned *)(rings + p.cq_off.tail);
    cq_mask = (unsigned *)(rings + p.cq_off.ring_mask);
    cqes = (struct io_uring_cqe *)(rings + p.cq_off.cqes);
    unsigned *array = (unsigned *)(rings + p.sq_off.array);
    for (unsigned i = 0; i < p.sq_entries; i++) array[i] = i;
    sq_local = *sq_tail;
    if (!multi) return;
    br = mmap(NULL, NBuf * sizeof(struct io_uring_buf), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    bufs = mmap(NULL, (size_t)NBuf * BufSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct io_uring_buf_reg reg = {.ring_addr = (uint64_t)(uintptr_t)br, .ring_entries = NBuf, .bgid = Group};
    if (br == MAP_FAILED || bufs == MAP_FAILED || syscall(__NR_io_uring_register, ring, IORING_REGISTER_PBUF_RING, &reg, 1) != 0) {
        perror("floor-relay-uring: buffer ring");
        exit(1);
    }
    for (unsigned i = 0; i < NBuf; i++) give_buffer(i);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: floor-relay-uring UNIX_SOCKET_PATH TCP_PORT [single|multi,defer|coop|plain]\n");
        return 2;
    }
    const char *mode = argc == 4 ? argv[3] : "single,defer";
    multi = strstr(mode, "single") == NULL;
    unsigned flags = strstr(mode, "plain") ? 0
        : strstr(mode, "coop") ? IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG
        : IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN;
    port = atoi(argv[2]);
    lfd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un ua = {.sun_family = AF_UNIX};
    strncpy(ua.sun_path, argv[1], sizeof ua.sun_path - 1);
    unlink(argv[1]);
    if (bind(lfd, (struct sockaddr *)&ua, sizeof ua) != 0 || listen(lfd, 512) != 0) {
        perror("floor-relay-uring: listen");
        return 1;
    }
    setup(flags);
    sqe(IORING_OP_ACCEPT, lfd, TagAccept)->ioprio = IORING_ACCEPT_MULTISHOT;
    sqe(IORING_OP_POLL_ADD, 0, TagStdin)->poll32_events = POLLIN;
    printf("ready 0\n");
    fflush(stdout);

    for (;;) {
        __atomic_store_n(sq_tail, sq_local, __ATOMIC_RELEASE);
        if (enter(unsubmitted(), 1, IORING_ENTER_GETEVENTS) < 0 && errno != EINTR && errno != EAGAIN && errno != EBUSY) {
            perror("floor-relay-uring: io_uring_enter");
            return 1;
        }
        unsigned head = *cq_head;
        while (head != __atomic_load_n(cq_tail, __ATOMIC_ACQUIRE)) {
            struct io_uring_cqe e = cqes[head++ & *cq_mask];
            __atomic_store_n(cq_head, head, __ATOMIC_RELEASE);
            if (e.user_data == TagStdin) return 0;
            if (e.user_data == TagAccept) {
                if (e.res >= 0) on_accept(e.res);
                if (!(e.flags & IORING_CQE_F_MORE)) sqe(IORING_OP_ACCEPT, lfd, TagAccept)->ioprio = IORING_ACCEPT_MULTISHOT;
                continue;
            }
            struct conn *c = (struct conn *)(uintptr_t)(e.user_data & ~(uint64_t)3);
            int s = (int)(e.user_data & 1);
            if (e.user_data & OpSend) on_send(c, s, &e);
            else on_recv(c, s, &e);
        }
    }
}
