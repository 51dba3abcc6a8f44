/* gitload — libgit2, loaded when the history is first used (internal to
 * history).  Linked in, libgit2 and what it links (OpenSSL, Kerberos,
 * mbed TLS, libssh2, PCRE2) cost the dynamic loader about 8 M
 * instructions at every start — several times the rest of the start-up,
 * for a start screen that never reads the history.  So it is opened with
 * dlopen(3) by its soname (TODOKE_LIBGIT2, found at build time) on first
 * use, and every libgit2 function the history calls goes through a
 * pointer of the function's own type: the #defines below turn the calls
 * of src/history/ into calls through them.
 *
 * A function the history starts to call must be added to GITLOAD_FUNCS
 * and given its #define; forgotten, the program does not link (libgit2 is
 * not linked in).  Include this after <git2.h> (internal.h does). */
#ifndef TODOKE_HISTORY_GITLOAD_H
#define TODOKE_HISTORY_GITLOAD_H

#include <stdbool.h>

#include "todoke/diag.h"

#define GITLOAD_FUNCS(X) \
	X(git_blob_create_from_buffer) \
	X(git_blob_free) \
	X(git_blob_id) \
	X(git_blob_lookup) \
	X(git_blob_rawcontent) \
	X(git_blob_rawsize) \
	X(git_commit_author) \
	X(git_commit_committer) \
	X(git_commit_create) \
	X(git_commit_free) \
	X(git_commit_id) \
	X(git_commit_lookup) \
	X(git_commit_message) \
	X(git_commit_message_encoding) \
	X(git_commit_parent) \
	X(git_commit_parent_id) \
	X(git_commit_parentcount) \
	X(git_commit_tree) \
	X(git_commit_tree_id) \
	X(git_config_free) \
	X(git_config_set_bool) \
	X(git_config_set_string) \
	X(git_diff_buffers) \
	X(git_diff_options_init) \
	X(git_error_last) \
	X(git_index_add) \
	X(git_index_entrycount) \
	X(git_index_free) \
	X(git_index_get_byindex) \
	X(git_index_get_bypath) \
	X(git_index_remove_bypath) \
	X(git_index_write) \
	X(git_libgit2_init) \
	X(git_libgit2_opts) \
	X(git_libgit2_shutdown) \
	X(git_object_free) \
	X(git_object_lookup) \
	X(git_object_type) \
	X(git_odb_exists) \
	X(git_odb_free) \
	X(git_odb_object_data) \
	X(git_odb_object_free) \
	X(git_odb_object_size) \
	X(git_odb_object_type) \
	X(git_odb_read) \
	X(git_odb_write) \
	X(git_oid_equal) \
	X(git_oid_is_zero) \
	X(git_oid_tostr) \
	X(git_packbuilder_free) \
	X(git_packbuilder_insert) \
	X(git_packbuilder_insert_walk) \
	X(git_packbuilder_name) \
	X(git_packbuilder_new) \
	X(git_packbuilder_object_count) \
	X(git_packbuilder_write) \
	X(git_reference_delete) \
	X(git_reference_free) \
	X(git_reference_list) \
	X(git_reference_name_to_id) \
	X(git_reference_set_target) \
	X(git_reflog_delete) \
	X(git_repository_config) \
	X(git_repository_free) \
	X(git_repository_head) \
	X(git_repository_index) \
	X(git_repository_init_ext) \
	X(git_repository_init_options_init) \
	X(git_repository_odb) \
	X(git_repository_open_ext) \
	X(git_revparse_single) \
	X(git_revwalk_free) \
	X(git_revwalk_new) \
	X(git_revwalk_next) \
	X(git_revwalk_push) \
	X(git_revwalk_push_glob) \
	X(git_revwalk_push_head) \
	X(git_revwalk_sorting) \
	X(git_signature_free) \
	X(git_signature_now) \
	X(git_strarray_dispose) \
	X(git_tag_create) \
	X(git_tag_delete) \
	X(git_tag_list_match) \
	X(git_tag_message) \
	X(git_tag_tagger) \
	X(git_tag_target_id) \
	X(git_tree_entry_byindex) \
	X(git_tree_entry_byname) \
	X(git_tree_entry_bypath) \
	X(git_tree_entry_filemode) \
	X(git_tree_entry_free) \
	X(git_tree_entry_id) \
	X(git_tree_entry_name) \
	X(git_tree_entry_type) \
	X(git_tree_entrycount) \
	X(git_tree_free) \
	X(git_tree_lookup) \
	X(git_treebuilder_free) \
	X(git_treebuilder_get) \
	X(git_treebuilder_insert) \
	X(git_treebuilder_new) \
	X(git_treebuilder_remove) \
	X(git_treebuilder_write)

#define GITLOAD_DECLARE(f) extern __typeof__(f) *gitload_##f;
GITLOAD_FUNCS(GITLOAD_DECLARE)
#undef GITLOAD_DECLARE

/* Opens libgit2 and finds its functions, once (then git_libgit2_init as
 * the history needs it).  False, with err saying why, when libgit2 is not
 * there or lacks one of them: the history is then not written, all else
 * works. */
bool gitload(struct diag *err);

#define git_blob_create_from_buffer (*gitload_git_blob_create_from_buffer)
#define git_blob_free (*gitload_git_blob_free)
#define git_blob_id (*gitload_git_blob_id)
#define git_blob_lookup (*gitload_git_blob_lookup)
#define git_blob_rawcontent (*gitload_git_blob_rawcontent)
#define git_blob_rawsize (*gitload_git_blob_rawsize)
#define git_commit_author (*gitload_git_commit_author)
#define git_commit_committer (*gitload_git_commit_committer)
#define git_commit_create (*gitload_git_commit_create)
#define git_commit_free (*gitload_git_commit_free)
#define git_commit_id (*gitload_git_commit_id)
#define git_commit_lookup (*gitload_git_commit_lookup)
#define git_commit_message (*gitload_git_commit_message)
#define git_commit_message_encoding (*gitload_git_commit_message_encoding)
#define git_commit_parent (*gitload_git_commit_parent)
#define git_commit_parent_id (*gitload_git_commit_parent_id)
#define git_commit_parentcount (*gitload_git_commit_parentcount)
#define git_commit_tree (*gitload_git_commit_tree)
#define git_commit_tree_id (*gitload_git_commit_tree_id)
#define git_config_free (*gitload_git_config_free)
#define git_config_set_bool (*gitload_git_config_set_bool)
#define git_config_set_string (*gitload_git_config_set_string)
#define git_diff_buffers (*gitload_git_diff_buffers)
#define git_diff_options_init (*gitload_git_diff_options_init)
#define git_error_last (*gitload_git_error_last)
#define git_index_add (*gitload_git_index_add)
#define git_index_entrycount (*gitload_git_index_entrycount)
#define git_index_free (*gitload_git_index_free)
#define git_index_get_byindex (*gitload_git_index_get_byindex)
#define git_index_get_bypath (*gitload_git_index_get_bypath)
#define git_index_remove_bypath (*gitload_git_index_remove_bypath)
#define git_index_write (*gitload_git_index_write)
#define git_libgit2_init (*gitload_git_libgit2_init)
#define git_libgit2_opts (*gitload_git_libgit2_opts)
#define git_libgit2_shutdown (*gitload_git_libgit2_shutdown)
#define git_object_free (*gitload_git_object_free)
#define git_object_lookup (*gitload_git_object_lookup)
#define git_object_type (*gitload_git_object_type)
#define git_odb_exists (*gitload_git_odb_exists)
#define git_odb_free (*gitload_git_odb_free)
#define git_odb_object_data (*gitload_git_odb_object_data)
#define git_odb_object_free (*gitload_git_odb_object_free)
#define git_odb_object_size (*gitload_git_odb_object_size)
#define git_odb_object_type (*gitload_git_odb_object_type)
#define git_odb_read (*gitload_git_odb_read)
#define git_odb_write (*gitload_git_odb_write)
#define git_oid_equal (*gitload_git_oid_equal)
#define git_oid_is_zero (*gitload_git_oid_is_zero)
#define git_oid_tostr (*gitload_git_oid_tostr)
#define git_packbuilder_free (*gitload_git_packbuilder_free)
#define git_packbuilder_insert (*gitload_git_packbuilder_insert)
#define git_packbuilder_insert_walk (*gitload_git_packbuilder_insert_walk)
#define git_packbuilder_name (*gitload_git_packbuilder_name)
#define git_packbuilder_new (*gitload_git_packbuilder_new)
#define git_packbuilder_object_count (*gitload_git_packbuilder_object_count)
#define git_packbuilder_write (*gitload_git_packbuilder_write)
#define git_reference_delete (*gitload_git_reference_delete)
#define git_reference_free (*gitload_git_reference_free)
#define git_reference_list (*gitload_git_reference_list)
#define git_reference_name_to_id (*gitload_git_reference_name_to_id)
#define git_reference_set_target (*gitload_git_reference_set_target)
#define git_reflog_delete (*gitload_git_reflog_delete)
#define git_repository_config (*gitload_git_repository_config)
#define git_repository_free (*gitload_git_repository_free)
#define git_repository_head (*gitload_git_repository_head)
#define git_repository_index (*gitload_git_repository_index)
#define git_repository_init_ext (*gitload_git_repository_init_ext)
#define git_repository_init_options_init (*gitload_git_repository_init_options_init)
#define git_repository_odb (*gitload_git_repository_odb)
#define git_repository_open_ext (*gitload_git_repository_open_ext)
#define git_revparse_single (*gitload_git_revparse_single)
#define git_revwalk_free (*gitload_git_revwalk_free)
#define git_revwalk_new (*gitload_git_revwalk_new)
#define git_revwalk_next (*gitload_git_revwalk_next)
#define git_revwalk_push (*gitload_git_revwalk_push)
#define git_revwalk_push_glob (*gitload_git_revwalk_push_glob)
#define git_revwalk_push_head (*gitload_git_revwalk_push_head)
#define git_revwalk_sorting (*gitload_git_revwalk_sorting)
#define git_signature_free (*gitload_git_signature_free)
#define git_signature_now (*gitload_git_signature_now)
#define git_strarray_dispose (*gitload_git_strarray_dispose)
#define git_tag_create (*gitload_git_tag_create)
#define git_tag_delete (*gitload_git_tag_delete)
#define git_tag_list_match (*gitload_git_tag_list_match)
#define git_tag_message (*gitload_git_tag_message)
#define git_tag_tagger (*gitload_git_tag_tagger)
#define git_tag_target_id (*gitload_git_tag_target_id)
#define git_tree_entry_byindex (*gitload_git_tree_entry_byindex)
#define git_tree_entry_byname (*gitload_git_tree_entry_byname)
#define git_tree_entry_bypath (*gitload_git_tree_entry_bypath)
#define git_tree_entry_filemode (*gitload_git_tree_entry_filemode)
#define git_tree_entry_free (*gitload_git_tree_entry_free)
#define git_tree_entry_id (*gitload_git_tree_entry_id)
#define git_tree_entry_name (*gitload_git_tree_entry_name)
#define git_tree_entry_type (*gitload_git_tree_entry_type)
#define git_tree_entrycount (*gitload_git_tree_entrycount)
#define git_tree_free (*gitload_git_tree_free)
#define git_tree_lookup (*gitload_git_tree_lookup)
#define git_treebuilder_free (*gitload_git_treebuilder_free)
#define git_treebuilder_get (*gitload_git_treebuilder_get)
#define git_treebuilder_insert (*gitload_git_treebuilder_insert)
#define git_treebuilder_new (*gitload_git_treebuilder_new)
#define git_treebuilder_remove (*gitload_git_treebuilder_remove)
#define git_treebuilder_write (*gitload_git_treebuilder_write)

#endif
