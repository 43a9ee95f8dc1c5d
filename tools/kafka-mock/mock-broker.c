/*
 * Kafka-protocol test broker for machines without Docker: librdkafka's
 * in-memory mock cluster (1 broker) plus a tiny TCP control port, because
 * the mock does not implement the CreateTopics API.
 *
 * Usage: mock-broker [--control-port N] [--partitions N]
 *                    [--topic name[:partitions]]... [--exit-on-stdin-eof]
 * Prints {"bootstrap":"127.0.0.1:P","control":"127.0.0.1:C"} once started.
 * Control protocol (one command per line):
 *   CREATE <topic> [partitions]  -> OK | ERR <message>   (OK if it exists)
 *   PING                         -> PONG
 *
 * Build: cc -O2 -Wall -o mock-broker mock-broker.c $(pkg-config --cflags --libs rdkafka)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CLIENTS 64
#define LINE_MAX_LEN 512

struct client {
  int fd;
  size_t len;
  char buf[LINE_MAX_LEN];
};

static rd_kafka_mock_cluster_t *mcluster;
static int default_partitions = 1;

static void die(const char *msg) {
  fprintf(stderr, "mock-broker: %s\n", msg);
  exit(1);
}

/* Kafka's own rule: [a-zA-Z0-9._-]{1,249}. Checked here because the mock
 * accepts any name and clients would fail later with a vaguer error. */
static int valid_topic(const char *t) {
  size_t n = strlen(t);
  if (n == 0 || n > 249) return 0;
  for (const char *p = t; *p; p++)
    if (!(*p == '.' || *p == '_' || *p == '-' || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
          (*p >= 'A' && *p <= 'Z')))
      return 0;
  return 1;
}

/* Returns NULL on success, else a message. */
static const char *create_topic(const char *name, int partitions) {
  static char err[256];
  if (!valid_topic(name)) return "invalid topic name";
  if (partitions < 1 || partitions > 10000) return "partitions must be 1..10000";
  rd_kafka_resp_err_t e = rd_kafka_mock_topic_create(mcluster, name, partitions, 1);
  /* Idempotent on purpose: test files call CREATE for topics a service may
   * already have auto-created by producing to them. */
  if (e == RD_KAFKA_RESP_ERR_NO_ERROR || e == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) return NULL;
  snprintf(err, sizeof err, "%s", rd_kafka_err2str(e));
  return err;
}

static int parse_int(const char *s, int *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (*s == '\0' || *end != '\0' || v < 0 || v > 65535) return 0;
  *out = (int)v;
  return 1;
}

/* "name" or "name:partitions". Works on a copy: editing argv in place would
 * change what ps shows for this process. */
static const char *create_topic_spec(const char *spec) {
  char name[256];
  int partitions = default_partitions;
  snprintf(name, sizeof name, "%s", spec);
  char *colon = strrchr(name, ':');
  if (colon) {
    *colon = '\0';
    if (!parse_int(colon + 1, &partitions)) return "bad partition count";
  }
  return create_topic(name, partitions);
}

static void handle_line(int fd, char *line) {
  char reply[LINE_MAX_LEN + 16];
  char *cmd = strtok(line, " \t\r");
  if (!cmd) return;
  if (strcmp(cmd, "PING") == 0) {
    snprintf(reply, sizeof reply, "PONG\n");
  } else if (strcmp(cmd, "CREATE") == 0) {
    char *topic = strtok(NULL, " \t\r");
    char *parts = strtok(NULL, " \t\r");
    int partitions = default_partitions;
    const char *err = NULL;
    if (!topic)
      err = "usage: CREATE <topic> [partitions]";
    else if (parts && !parse_int(parts, &partitions))
      err = "bad partition count";
    else
      err = create_topic(topic, partitions);
    if (err)
      snprintf(reply, sizeof reply, "ERR %s\n", err);
    else
      snprintf(reply, sizeof reply, "OK\n");
  } else {
    snprintf(reply, sizeof reply, "ERR unknown command %.64s\n", cmd);
  }
  /* Replies are tiny; a short write means the client went away. */
  if (write(fd, reply, strlen(reply)) < 0) perror("mock-broker: write");
}

/* Returns 0 when the client should be dropped. */
static int handle_client(struct client *c) {
  ssize_t n = read(c->fd, c->buf + c->len, sizeof c->buf - 1 - c->len);
  if (n <= 0) return 0;
  c->len += (size_t)n;
  char *nl;
  while ((nl = memchr(c->buf, '\n', c->len)) != NULL) {
    *nl = '\0';
    handle_line(c->fd, c->buf);
    size_t used = (size_t)(nl - c->buf) + 1;
    memmove(c->buf, nl + 1, c->len - used);
    c->len -= used;
  }
  return c->len < sizeof c->buf - 1; /* an overlong line is a broken client */
}

static int listen_control(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0) die("socket failed");
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 16) < 0) die("cannot listen on control port");
  return fd;
}

int main(int argc, char **argv) {
  int control_port = 0, exit_on_eof = 0;
  char errstr[512];

  for (int i = 1; i < argc; i++) {
    const char *next = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(argv[i], "--exit-on-stdin-eof") == 0) {
      exit_on_eof = 1;
    } else if (strcmp(argv[i], "--control-port") == 0 && next) {
      if (!parse_int(argv[++i], &control_port)) die("bad --control-port");
    } else if (strcmp(argv[i], "--partitions") == 0 && next) {
      if (!parse_int(argv[++i], &default_partitions) || default_partitions < 1) die("bad --partitions");
    } else if (strcmp(argv[i], "--topic") == 0 && next) {
      i++; /* created after the cluster exists */
    } else {
      fprintf(stderr, "mock-broker: unknown or incomplete option %s\n", argv[i]);
      return 2;
    }
  }

  /* Block the signals before librdkafka starts its threads so they all
   * inherit the mask and signalfd is the only place they are delivered. */
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGTERM);
  sigaddset(&sigs, SIGINT);
  sigprocmask(SIG_BLOCK, &sigs, NULL);
  signal(SIGPIPE, SIG_IGN);
  int sigfd = signalfd(-1, &sigs, 0);
  if (sigfd < 0) die("signalfd failed");

  /* The producer handle only hosts the mock cluster; with no bootstrap
   * servers it never connects anywhere. Warnings about that are noise. */
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr);
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (!rk) die(errstr);
  mcluster = rd_kafka_mock_cluster_new(rk, 1);
  if (!mcluster) die("rd_kafka_mock_cluster_new failed");

  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--topic") != 0) continue;
    const char *err = create_topic_spec(argv[++i]);
    if (err) {
      fprintf(stderr, "mock-broker: --topic %s: %s\n", argv[i], err);
      return 2;
    }
  }

  int lfd = listen_control(control_port);
  struct sockaddr_in bound;
  socklen_t blen = sizeof bound;
  getsockname(lfd, (struct sockaddr *)&bound, &blen);
  printf("{\"bootstrap\":\"%s\",\"control\":\"127.0.0.1:%d\"}\n", rd_kafka_mock_cluster_bootstraps(mcluster),
         ntohs(bound.sin_port));
  fflush(stdout);

  /* pfd layout: [0]=signals [1]=listener [2]=stdin (or -1) [3..]=clients */
  struct pollfd pfd[3 + MAX_CLIENTS];
  struct client clients[MAX_CLIENTS];
  int nclients = 0, running = 1;
  while (running) {
    pfd[0] = (struct pollfd){.fd = sigfd, .events = POLLIN};
    pfd[1] = (struct pollfd){.fd = nclients < MAX_CLIENTS ? lfd : -1, .events = POLLIN};
    pfd[2] = (struct pollfd){.fd = exit_on_eof ? STDIN_FILENO : -1, .events = POLLIN};
    for (int i = 0; i < nclients; i++) pfd[3 + i] = (struct pollfd){.fd = clients[i].fd, .events = POLLIN};
    if (poll(pfd, (nfds_t)(3 + nclients), -1) < 0) {
      if (errno == EINTR) continue;
      die("poll failed");
    }
    if (pfd[0].revents) running = 0;
    if (pfd[2].revents) {
      char sink[256];
      if (read(STDIN_FILENO, sink, sizeof sink) <= 0) running = 0;
    }
    /* Walk backwards so swap-removal does not skip a ready client. */
    for (int i = nclients - 1; i >= 0; i--) {
      if (pfd[3 + i].revents && !handle_client(&clients[i])) {
        close(clients[i].fd);
        clients[i] = clients[--nclients];
      }
    }
    if (pfd[1].revents & POLLIN) {
      int cfd = accept(lfd, NULL, NULL);
      if (cfd >= 0) clients[nclients++] = (struct client){.fd = cfd, .len = 0};
    }
  }

  for (int i = 0; i < nclients; i++) close(clients[i].fd);
  close(lfd);
  rd_kafka_mock_cluster_destroy(mcluster);
  rd_kafka_destroy(rk);
  return 0;
}
