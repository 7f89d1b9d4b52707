// strato_netns: the few system calls Node cannot make itself, exposed through
// N-API (stable across Node versions). Everything acts on the CALLING THREAD's
// network namespace: strato calls these from worker threads, each of which owns
// one namespace (setns(CLONE_NEWNET) is per-thread on Linux), except
// listenTcpInNamespace, which returns the thread to its namespace before it returns.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <malloc.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <node_api.h>

#define NETNS_RUN_DIR "/run/netns"

// Throws an Error carrying errno/code/syscall like Node's own system errors.
static napi_value throw_errno(napi_env env, int err, const char *syscall, const char *what) {
  const char *name = strerrorname_np(err);
  char msg[512];
  snprintf(msg, sizeof msg, "%s %s: %s (%s)", syscall, what ? what : "", strerror(err), name ? name : "?");
  napi_value message, code, error, num, sc;
  napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &message);
  napi_create_string_utf8(env, name ? name : "UNKNOWN", NAPI_AUTO_LENGTH, &code);
  napi_create_error(env, code, message, &error);
  napi_create_int32(env, err, &num);
  napi_set_named_property(env, error, "errno", num);
  napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &sc);
  napi_set_named_property(env, error, "syscall", sc);
  napi_throw(env, error);
  return NULL;
}

static napi_value throw_type(napi_env env, const char *msg) {
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", msg);
  return NULL;
}

// Reads argument i as a string into buf; returns 0 on success.
static int get_string(napi_env env, napi_value v, char *buf, size_t size) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, buf, size, &len) != napi_ok) return -1;
  return len + 1 >= size ? -1 : 0;
}

static int valid_ns_name(const char *name) {
  return name[0] != '\0' && strchr(name, '/') == NULL && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static int get_named_int(napi_env env, napi_value obj, const char *key, int32_t *out) {
  bool has = false;
  if (napi_has_named_property(env, obj, key, &has) != napi_ok || !has) return 0;
  napi_value v;
  napi_valuetype t;
  napi_get_named_property(env, obj, key, &v);
  napi_typeof(env, v, &t);
  if (t != napi_number) return 0;
  napi_get_value_int32(env, v, out);
  return 1;
}

static int get_named_bool(napi_env env, napi_value obj, const char *key) {
  bool has = false, val = false;
  if (napi_has_named_property(env, obj, key, &has) != napi_ok || !has) return 0;
  napi_value v;
  napi_get_named_property(env, obj, key, &v);
  if (napi_get_value_bool(env, v, &val) != napi_ok) return 0;
  return val ? 1 : 0;
}

// setns(path): moves the calling thread into the network namespace at path.
static napi_value js_setns(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char path[4096];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || get_string(env, argv[0], path, sizeof path)) return throw_type(env, "setns(path: string)");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return throw_errno(env, errno, "open", path);
  if (setns(fd, CLONE_NEWNET) < 0) {
    int err = errno;
    close(fd);
    return throw_errno(env, err, "setns", path);
  }
  close(fd);
  return NULL;
}

// createTap(name, { persist, owner?, group?, vnetHdr? }): creates a tap device in
// the calling thread's namespace (/dev/net/tun binds the device to the opener's
// namespace). Returns the device name the kernel chose.
static napi_value js_create_tap(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  char name[IFNAMSIZ + 1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || get_string(env, argv[0], name, sizeof name) || strlen(name) >= IFNAMSIZ)
    return throw_type(env, "createTap(name: string of at most 15 bytes, options?)");
  int persist = 1, vnet_hdr = 0, has_owner = 0, has_group = 0;
  int32_t owner = -1, group = -1;
  if (argc >= 2) {
    napi_valuetype t;
    napi_typeof(env, argv[1], &t);
    if (t == napi_object) {
      bool has = false;
      napi_has_named_property(env, argv[1], "persist", &has);
      if (has) persist = get_named_bool(env, argv[1], "persist");
      vnet_hdr = get_named_bool(env, argv[1], "vnetHdr");
      has_owner = get_named_int(env, argv[1], "owner", &owner);
      has_group = get_named_int(env, argv[1], "group", &group);
    }
  }
  int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
  if (fd < 0) return throw_errno(env, errno, "open", "/dev/net/tun");
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  // IFF_TUN_EXCL: fail (EBUSY) instead of silently attaching to an existing device.
  ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_TUN_EXCL | (vnet_hdr ? IFF_VNET_HDR : 0);
  memcpy(ifr.ifr_name, name, strlen(name));  // length checked above
  const char *step = "TUNSETIFF";
  if (ioctl(fd, TUNSETIFF, &ifr) < 0) goto fail;
  step = "TUNSETOWNER";
  if (has_owner && ioctl(fd, TUNSETOWNER, (unsigned long)owner) < 0) goto fail;
  step = "TUNSETGROUP";
  if (has_group && ioctl(fd, TUNSETGROUP, (unsigned long)group) < 0) goto fail;
  step = "TUNSETPERSIST";
  if (persist && ioctl(fd, TUNSETPERSIST, 1UL) < 0) goto fail;
  close(fd);
  napi_value out;
  napi_create_string_utf8(env, ifr.ifr_name, NAPI_AUTO_LENGTH, &out);
  return out;
fail: {
  int err = errno;
  close(fd);
  return throw_errno(env, err, step, name);
}
}

// Makes /run/netns a shared mount point, as iproute2's netns_add does, so that
// namespace bind mounts propagate to every mount namespace that can see it.
static int ensure_run_dir_shared(void) {
  if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST) return -1;
  int made = 0;
  while (mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0) {
    if (errno != EINVAL || made) return -1;
    if (mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none", MS_BIND | MS_REC, NULL) < 0) return -1;
    made = 1;
  }
  return 0;
}

// netnsCreate(name): like `ip netns add NAME`, without touching the calling
// thread's namespace afterwards (it returns to where it was).
static napi_value js_netns_create(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char name[256], path[512];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || get_string(env, argv[0], name, sizeof name) || !valid_ns_name(name))
    return throw_type(env, "netnsCreate(name: string without '/')");
  snprintf(path, sizeof path, "%s/%s", NETNS_RUN_DIR, name);
  if (ensure_run_dir_shared() < 0) return throw_errno(env, errno, "mount", NETNS_RUN_DIR);
  int fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
  if (fd < 0) return throw_errno(env, errno, "open", path);
  close(fd);
  int saved = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
  if (saved < 0) {
    int err = errno;
    unlink(path);
    return throw_errno(env, err, "open", "/proc/thread-self/ns/net");
  }
  const char *step = "unshare";
  int err = 0;
  if (unshare(CLONE_NEWNET) < 0) {
    err = errno;
  } else {
    step = "mount";
    if (mount("/proc/thread-self/ns/net", path, "none", MS_BIND, NULL) < 0) err = errno;
    if (setns(saved, CLONE_NEWNET) < 0 && err == 0) {
      err = errno;
      step = "setns";
    }
  }
  close(saved);
  if (err != 0) {
    umount2(path, MNT_DETACH);
    unlink(path);
    return throw_errno(env, err, step, path);
  }
  return NULL;
}

// netnsDelete(name): like `ip netns delete NAME`; the kernel frees the namespace
// once nothing (process, thread, socket) holds it any more.
static napi_value js_netns_delete(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char name[256], path[512];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || get_string(env, argv[0], name, sizeof name) || !valid_ns_name(name))
    return throw_type(env, "netnsDelete(name: string without '/')");
  snprintf(path, sizeof path, "%s/%s", NETNS_RUN_DIR, name);
  umount2(path, MNT_DETACH);
  if (unlink(path) < 0) return throw_errno(env, errno, "unlink", path);
  return NULL;
}

// listenTcpInNamespace(path, address, port, backlog): a listening TCP socket that
// lives in the network namespace at `path`, returned as a file descriptor for Node
// (net.Server.listen({ fd })). Why: the metadata service listens on
// 169.254.169.254:80 inside every qrouter/qdhcp namespace that serves it; one
// socket per namespace in the agent costs a file descriptor, where a proxy process
// per namespace (Neutron's haproxy) costs megabytes each. A socket belongs to the
// namespace it was created in for its whole life, so only socket() runs inside:
// the thread enters the namespace, creates the socket and goes back at once;
// bind/listen act on the socket wherever the thread is. If going back fails the
// process aborts: a thread left in a guest-facing namespace must not live on.
static napi_value js_listen_tcp_in_namespace(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4];
  char path[4096], addr[64];
  int32_t port = 0, backlog = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 4 || get_string(env, argv[0], path, sizeof path) || get_string(env, argv[1], addr, sizeof addr) ||
      napi_get_value_int32(env, argv[2], &port) != napi_ok || napi_get_value_int32(env, argv[3], &backlog) != napi_ok ||
      port < 0 || port > 65535 || backlog < 1)
    return throw_type(env, "listenTcpInNamespace(path: string, address: IPv4 string, port: 0-65535, backlog >= 1)");
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)port);
  if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) return throw_type(env, "listenTcpInNamespace: address must be dotted IPv4");

  int saved = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
  if (saved < 0) return throw_errno(env, errno, "open", "/proc/thread-self/ns/net");
  int target = open(path, O_RDONLY | O_CLOEXEC);
  if (target < 0) {
    int err = errno;
    close(saved);
    return throw_errno(env, err, "open", path);
  }
  if (setns(target, CLONE_NEWNET) < 0) {
    int err = errno;
    close(target);
    close(saved);
    return throw_errno(env, err, "setns", path);
  }
  close(target);
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int socket_err = errno;
  // Back to where the thread was, whatever socket() did.
  if (setns(saved, CLONE_NEWNET) < 0) {
    fprintf(stderr, "strato_netns: cannot return to the original network namespace: %s\n", strerror(errno));
    abort();
  }
  close(saved);
  if (fd < 0) return throw_errno(env, socket_err, "socket", path);
  const char *step = "setsockopt";
  int one = 1;
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0) goto fail;
  // Bind even before the address is on an interface of the namespace (it may be
  // added after the listener starts): packets to it are delivered once it is there.
  if (setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof one) < 0) goto fail;
  step = "bind";
  if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0) goto fail;
  step = "listen";
  if (listen(fd, backlog) < 0) goto fail;
  napi_value out;
  napi_create_int32(env, fd, &out);
  return out;
fail: {
  int err = errno;
  close(fd);
  return throw_errno(env, err, step, addr);
}
}

// mallocTrim(): returns the free memory of every malloc arena to the kernel. A
// worker thread that has ended leaves its arena's freed pages resident (glibc keeps
// them); after a netlink worker ended that was ~17 MiB of RSS (measured: 118 ->
// 100.5 MiB in a process that had run one). Not about namespaces, but this is
// strato's only addon, and it is loaded where the workers end.
static napi_value js_malloc_trim(napi_env env, napi_callback_info info) {
  malloc_trim(0);
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"setns", NULL, js_setns, NULL, NULL, NULL, napi_default, NULL},
      {"createTap", NULL, js_create_tap, NULL, NULL, NULL, napi_default, NULL},
      {"netnsCreate", NULL, js_netns_create, NULL, NULL, NULL, napi_default, NULL},
      {"netnsDelete", NULL, js_netns_delete, NULL, NULL, NULL, napi_default, NULL},
      {"listenTcpInNamespace", NULL, js_listen_tcp_in_namespace, NULL, NULL, NULL, napi_default, NULL},
      {"mallocTrim", NULL, js_malloc_trim, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}

NAPI_MODULE_INIT() { return init(env, exports); }
