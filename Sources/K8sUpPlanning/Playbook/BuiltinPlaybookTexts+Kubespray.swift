// Generated from Playbooks/*.yaml by `RECORD_GOLDEN=1 swift test`; do not edit by hand.

extension BuiltinPlaybookTexts {
    /// `Playbooks/kubespray.yaml`.
    static let kubespray = #"""
        # kubespray: nodes installed by Kubespray, which does not use packages: kubeadm, kubelet and kubectl
        # are binaries in bin_dir (/usr/local/bin) downloaded per version from dl.k8s.io or a mirror, the
        # kubelet runs from a Kubespray unit with /etc/kubernetes/kubelet.env and kubelet-config.yaml, and etcd
        # is by default a systemd service on the etcd hosts (etcd_deployment_type: host).
        #
        # How k8sup runs it (Playbooks/README.md has the whole format):
        # - each command line runs on the node through ssh as root (k8sup adds `sudo -n`), one line at a
        #   time; the step stops at the first line that fails, and a rerun runs the step again from the top,
        #   so every line is safe to run twice (one after the other; `rerun: false` marks a line that must not
        #   run again while an earlier copy may still be running, after a dropped ssh connection);
        # - {{ name }} is replaced by the value shell-quoted: never put a placeholder inside quotes;
        # - built-in names: target (1.30.4), target_v (v1.30.4), target_minor (1.30), from and from_minor (the
        #   node's version before this hop), node, host, role, package_version (found by discover_versions);
        #   anything else is declared under vars, and inventory vars of the same name override the default.
        #
        # The vars carry Kubespray's names and defaults, so a Kubespray inventory's group_vars apply as they
        # are. k8sup does not evaluate Jinja: a var whose inventory value is a template is an error that names
        # it; set the literal value instead.
        name: kubespray
        description: Kubespray nodes with kubeadm, kubelet and kubectl binaries in /usr/local/bin

        vars:
          bin_dir: /usr/local/bin
          kube_config_dir: /etc/kubernetes
          # The kubeadm configuration Kubespray writes on control-plane nodes; since Kubespray v2.28 it holds
          # the UpgradeConfiguration that `kubeadm upgrade` reads (etcdUpgrade, certificateRenewal, skipPhases).
          kubeadm_config_file: /etc/kubernetes/kubeadm-config.yaml
          kubeadm_upgrade_auto_cert_renewal: "true"
          # Binaries come from dl_k8s_io_url/release/vVERSION/bin/linux/ARCH/, or, when files_repo is set (an
          # air-gapped site), from files_repo/dl.k8s.io/release/... as in Kubespray's offline.yml. Either
          # place must also serve the .sha256 file published next to each binary.
          dl_k8s_io_url: https://dl.k8s.io
          files_repo: ""
          # amd64 or arm64; Kubespray derives it from the host's architecture, k8sup needs it set for arm64
          # nodes (a binary of the wrong architecture fails the version check in stage).
          image_arch: amd64
          # Where downloads are staged, with Kubespray's file names (kubelet-1.30.4-amd64).
          local_release_dir: /tmp/releases
          # Where backup_kubelet keeps the kubelet binary and configuration, one directory per version.
          k8sup_backup_dir: /var/lib/k8sup/backup
          # host: etcd is a systemd service with its certificates in etcd_cert_dir (Kubespray's default);
          # kubeadm: etcd is a static pod that kubeadm upgrades.
          etcd_deployment_type: host
          etcd_cert_dir: /etc/ssl/etcd/ssl
          etcd_data_dir: /var/lib/etcd
          kube_cert_dir: /etc/kubernetes/ssl
          # Snapshots go to etcd-DATE_TIME/snapshot.db below this directory, as Kubespray's own etcd backups.
          etcd_backup_prefix: /var/backups

        # The paths the upgrade writes on a node. Pre-flight checks, before anything changes, that the
        # filesystem of each has k8sup_min_free_mb (default 2048) free: where stage downloads the binaries,
        # bin_dir, the kubelet backups, the etcd snapshots and /var/lib (kubelet, container images, etcd data).
        writes:
          - "{{ local_release_dir }}"
          - "{{ bin_dir }}"
          - "{{ k8sup_backup_dir }}"
          - "{{ etcd_backup_prefix }}"
          - /var/lib

        # Every node, in parallel, before anything changes: download the three binaries of the target,
        # verify each against its published sha256, and move it to its staged name only then, so a staged
        # file is always complete and a rerun skips what is already there. The last two lines run the staged
        # binaries, which proves they are the target version and this node's architecture.
        stage:
          - mkdir -p {{ local_release_dir }}
          - run: >-
              for b in kubeadm kubelet kubectl; do f={{ local_release_dir }}/$b-{{ target }}-{{ image_arch }};
              u={{ dl_k8s_io_url }}/release/v{{ target }}/bin/linux/{{ image_arch }}/$b; test -e "$f" && continue;
              curl -fsSL --retry 3 -o "$f.partial" "$u" && curl -fsSL --retry 3 -o "$f.sha256" "$u.sha256"
              && echo "$(cat "$f.sha256")  $f.partial" | sha256sum -c --quiet - && chmod 0755 "$f.partial"
              && mv "$f.partial" "$f" || exit 1; done
            when: files_repo == ""
          - run: >-
              for b in kubeadm kubelet kubectl; do f={{ local_release_dir }}/$b-{{ target }}-{{ image_arch }};
              u={{ files_repo }}/dl.k8s.io/release/v{{ target }}/bin/linux/{{ image_arch }}/$b; test -e "$f" && continue;
              curl -fsSL --retry 3 -o "$f.partial" "$u" && curl -fsSL --retry 3 -o "$f.sha256" "$u.sha256"
              && echo "$(cat "$f.sha256")  $f.partial" | sha256sum -c --quiet - && chmod 0755 "$f.partial"
              && mv "$f.partial" "$f" || exit 1; done
            when: files_repo != ""
          - test "$({{ local_release_dir }}/kubeadm-{{ target }}-{{ image_arch }} version -o short)" = {{ target_v }}
          - test "$({{ local_release_dir }}/kubelet-{{ target }}-{{ image_arch }} --version)" = "Kubernetes v"{{ target }}

        # Kubespray installs one binary per version, so the version to install is the target itself.
        discover_versions:
          - echo {{ target }}

        # The first control-plane node, before its first change in the hop, with etcdctl and the admin
        # certificate of this etcd member, as Kubespray's own etcd backup does (this assumes etcd runs on the
        # control-plane nodes, Kubespray's default).
        etcd_snapshot:
          - run: >-
              d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && ETCDCTL_API=3 {{ bin_dir }}/etcdctl --endpoints=https://127.0.0.1:2379
              --cacert={{ etcd_cert_dir }}/ca.pem --cert={{ etcd_cert_dir }}/admin-{{ host }}.pem
              --key={{ etcd_cert_dir }}/admin-{{ host }}-key.pem snapshot save "$d"/snapshot.db
              && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type != kubeadm
          - run: >-
              s=k8sup-snapshot-$(date +%Y%m%d%H%M%S).db
              && {{ bin_dir }}/kubectl --kubeconfig={{ kube_config_dir }}/admin.conf -n kube-system exec etcd-{{ node }}
              -- etcdctl --endpoints=https://127.0.0.1:2379 --cacert={{ kube_cert_dir }}/etcd/ca.crt
              --cert={{ kube_cert_dir }}/etcd/server.crt --key={{ kube_cert_dir }}/etcd/server.key
              snapshot save {{ etcd_data_dir }}/"$s"
              && d={{ etcd_backup_prefix }}/etcd-$(date +%Y-%m-%d_%H:%M:%S) && mkdir -p -m 0700 "$d"
              && mv {{ etcd_data_dir }}/"$s" "$d"/snapshot.db && echo "etcd snapshot: $d/snapshot.db"
            when: etcd_deployment_type == kubeadm

        # Each node, before kubeadm touches anything: the kubelet binary and the two files Kubespray templates
        # for it, in a directory named after the running version (Kubespray itself keeps no copy of the old
        # kubelet). A saved file is never overwritten (a rerun after a crash must not replace the old kubelet
        # with a new one), files appear atomically, and the last line proves the saved kubelet is the version
        # the node runs.
        backup_kubelet:
          - mkdir -p -m 0700 {{ k8sup_backup_dir }}/kubelet-{{ from }}
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet
            || { cp -p {{ bin_dir }}/kubelet "$b"/kubelet.partial && mv "$b"/kubelet.partial "$b"/kubelet; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet.env
            || { cp -p {{ kube_config_dir }}/kubelet.env "$b"/kubelet.env.partial
            && mv "$b"/kubelet.env.partial "$b"/kubelet.env; }
          - >-
            b={{ k8sup_backup_dir }}/kubelet-{{ from }}; test -e "$b"/kubelet-config.yaml
            || { cp -p {{ kube_config_dir }}/kubelet-config.yaml "$b"/kubelet-config.yaml.partial
            && mv "$b"/kubelet-config.yaml.partial "$b"/kubelet-config.yaml; }
          - test "$({{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet --version)" = "Kubernetes v"{{ from }}

        # Each node: the staged kubeadm, renamed into place (atomic, and never "Text file busy").
        upgrade_kubeadm:
          - >-
            install -m 0755 {{ local_release_dir }}/kubeadm-{{ target }}-{{ image_arch }} {{ bin_dir }}/kubeadm.k8sup-new
            && mv -f {{ bin_dir }}/kubeadm.k8sup-new {{ bin_dir }}/kubeadm
          - test "$({{ bin_dir }}/kubeadm version -o short)" = {{ target_v }}

        # kubeadm upgrade lines say rerun: false: when the ssh connection drops while kubeadm runs, kubeadm may
        # still be running on the node, and a second one next to it would race it over the static-pod
        # manifests, so k8sup reports the drop instead of running it again (a later apply runs it again).
        # The first control-plane node, as Kubespray's kubeadm-upgrade.yml has done it over the years:
        # - kubeadm v1.31 and newer read their upgrade options from the UpgradeConfiguration in
        #   kubeadm_config_file (Kubespray v2.28+ writes etcdUpgrade: false there for host etcd), and refuse
        #   other flags next to --config;
        # - kubeadm v1.30 refuses every flag next to --config, -y included ("can not mix '--config' with
        #   arguments", Kubespray issue #11350), so the upgrade runs with flags and without --config, as
        #   Kubespray v2.26-v2.27 ran it;
        # - older kubeadm takes both, as Kubespray up to v2.25 ran it: --etcd-upgrade=false unless kubeadm
        #   runs etcd.
        upgrade_control_plane_first:
          - run: "{{ bin_dir }}/kubeadm upgrade apply -y v{{ target }} --config={{ kubeadm_config_file }}"
            when: target >= 1.31
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=false
            when: [target == 1.30, etcd_deployment_type != kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=true
            when: [target == 1.30, etcd_deployment_type == kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }} --config={{ kubeadm_config_file }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=false
            when: [target < 1.30, etcd_deployment_type != kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade apply -y v{{ target }} --config={{ kubeadm_config_file }}
              --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }} --etcd-upgrade=true
            when: [target < 1.30, etcd_deployment_type == kubeadm]
            rerun: false

        # The other control-plane nodes, one at a time, with `kubeadm upgrade node` as Kubespray does since
        # v2.28 (earlier Kubespray ran `upgrade apply` on every control-plane node, which made kubeadm's
        # upgrade-health-check Job fail now and then, Kubespray issues #12006 and #12009).
        upgrade_control_plane_other:
          - run: "{{ bin_dir }}/kubeadm upgrade node --config={{ kubeadm_config_file }}"
            when: target >= 1.31
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --etcd-upgrade=false
            when: [target < 1.31, etcd_deployment_type != kubeadm]
            rerun: false
          - run: >-
              {{ bin_dir }}/kubeadm upgrade node --certificate-renewal={{ kubeadm_upgrade_auto_cert_renewal }}
              --etcd-upgrade=true
            when: [target < 1.31, etcd_deployment_type == kubeadm]
            rerun: false

        # Workers: kubeadm's own procedure (Kubespray skips it on workers). It rewrites
        # /var/lib/kubelet/config.yaml from the cluster's kubelet-config; Kubespray's kubelet reads
        # kubelet-config.yaml instead, so this changes nothing it runs with.
        upgrade_worker:
          - run: "{{ bin_dir }}/kubeadm upgrade node"
            rerun: false

        # Each node, drained: the staged kubelet (and kubectl where the node has one: Kubespray installs it on
        # control-plane nodes), renamed into place. Kubespray's kubelet.env and kubelet-config.yaml stay as
        # they are: Kubespray re-templates them on its next run.
        upgrade_kubelet:
          - >-
            install -m 0755 {{ local_release_dir }}/kubelet-{{ target }}-{{ image_arch }} {{ bin_dir }}/kubelet.k8sup-new
            && mv -f {{ bin_dir }}/kubelet.k8sup-new {{ bin_dir }}/kubelet
          - >-
            test ! -e {{ bin_dir }}/kubectl || { install -m 0755 {{ local_release_dir }}/kubectl-{{ target }}-{{ image_arch }}
            {{ bin_dir }}/kubectl.k8sup-new && mv -f {{ bin_dir }}/kubectl.k8sup-new {{ bin_dir }}/kubectl; }
          - test "$({{ bin_dir }}/kubelet --version)" = "Kubernetes v"{{ target }}

        # After upgrade_kubelet, and after rollback_kubelet; the same as Kubespray's "restart kubelet" handler.
        restart_kubelet:
          - systemctl daemon-reload
          - systemctl restart kubelet

        # A node whose upgrade failed after backup_kubelet: the saved kubelet binary and its configuration go
        # back in place (k8sup then runs restart_kubelet and waits for the node at its old version). The
        # binary is renamed into place, never copied over, because the running kubelet's file cannot be
        # written ("Text file busy").
        rollback_kubelet:
          - test -x {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet
          - >-
            install -m 0755 {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet {{ bin_dir }}/kubelet.k8sup-rollback
            && mv -f {{ bin_dir }}/kubelet.k8sup-rollback {{ bin_dir }}/kubelet
          - cp -p {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet.env {{ kube_config_dir }}/kubelet.env
          - cp -p {{ k8sup_backup_dir }}/kubelet-{{ from }}/kubelet-config.yaml {{ kube_config_dir }}/kubelet-config.yaml

        # Pre-flight, read-only, before anything changes. Each control-plane node prints kubeadm's table of its
        # certificates; k8sup blocks on an expired one and warns about one expiring within 30 days.
        cert_expiration:
          - "{{ bin_dir }}/kubeadm certs check-expiration"

        # Pre-flight, read-only, on the first control-plane node for each hop: the versions kubeadm would move
        # etcd, CoreDNS and kube-proxy to. Only kubeadm of the hop's version knows them, and pre-flight installs
        # nothing: this uses a kubeadm of that version already staged (by an earlier run) or installed, and
        # exits 3 when there is none. kubeadm upgrade plan runs its own health checks (a short-lived Job in
        # kube-system) and changes nothing.
        component_versions:
          - >-
            k={{ local_release_dir }}/kubeadm-{{ target }}-{{ image_arch }}; test -x "$k" || k={{ bin_dir }}/kubeadm;
            v=$("$k" version -o short) && { test "$v" = {{ target_v }}
            || { echo "kubeadm $v is installed, not" {{ target_v }} >&2; exit 3; }; }
            && "$k" upgrade plan {{ target_v }} -o json

        # Read-only. While k8sup waits for the node after restart_kubelet (and after a rollback's restart) it
        # runs this every few seconds, beside its kubectl looks, and reads the Key=Value lines. Kubespray's unit
        # is kubelet.service too (/etc/systemd/system/kubelet.service, Restart=always, RestartSec=10s), so a
        # kubelet that cannot start shows `activating (auto-restart)` with NRestarts rising. A unit that is
        # failed, or that systemd restarted 3 times since k8sup restarted it, starts the rollback at once
        # instead of waiting out --node-ready-timeout.
        kubelet_status:
          - systemctl show kubelet -p ActiveState,SubState,NRestarts,ExecMainStatus

        # Read-only: the kubelet's last journal lines, which k8sup puts in the failure message and the node's log
        # when the kubelet does not start or the node is not Ready in time.
        kubelet_logs:
          - journalctl -u kubelet -n 20 --no-pager

        """#
}
